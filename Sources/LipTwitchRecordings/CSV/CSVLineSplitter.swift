#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a byte stream into lines at LF (dropping a CR before it, and a UTF-8 byte order
/// mark before the first), counting them from 1.
/// A line that lies inside one input chunk is handed out without copying; only a line cut
/// by a chunk boundary is collected in a buffer, which is bounded by `maximumLineLength`.
struct CSVLineSplitter: Sendable {
    static let maximumLineLength = 1 << 20

    private var partial: [UInt8] = []
    private var partialWasHandedOut = false
    /// Number of the line handed out last (0 before the first).
    private(set) var lineNumber = 0

    /// Bytes held for a line that spans chunks.
    var retainedCapacity: Int { partial.capacity }

    /// The next complete line, or nil when `input` ends before one; at `endOfInput` the
    /// unterminated last line, if any, counts as complete.
    mutating func next(_ input: inout ArraySlice<UInt8>, endOfInput: Bool) throws(RecordingError) -> ArraySlice<UInt8>? {
        if partialWasHandedOut {
            partial.removeAll(keepingCapacity: true)
            partialWasHandedOut = false
        }
        guard let newline = Self.firstNewline(in: input) else {
            try collect(input)
            input = input[input.endIndex...]
            guard endOfInput, !partial.isEmpty else { return nil }
            return handOutPartial()
        }
        let piece = input[..<newline]
        input = input[(newline + 1)...]
        if partial.isEmpty {
            lineNumber += 1
            return trimmed(piece)
        }
        try collect(piece)
        return handOutPartial()
    }

    /// Where the first LF of `input` is (memchr: many bytes a step).
    private static func firstNewline(in input: ArraySlice<UInt8>) -> Int? {
        input.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base, Int32(UInt8(ascii: "\n")), bytes.count) else {
                return nil
            }
            return input.startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }

    private mutating func collect(_ bytes: ArraySlice<UInt8>) throws(RecordingError) {
        guard partial.count + bytes.count <= Self.maximumLineLength else {
            throw RecordingError(
                .line(lineNumber + 1, column: nil), "the line is longer than \(Self.maximumLineLength) bytes",
                advice: "give a CSV file with one sample per line")
        }
        partial.append(contentsOf: bytes)
    }

    private mutating func handOutPartial() -> ArraySlice<UInt8> {
        partialWasHandedOut = true
        lineNumber += 1
        return trimmed(partial[...])
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        if lineNumber == 1, line.starts(with: Self.byteOrderMark) { line = line.dropFirst(3) }
        return line
    }
}
