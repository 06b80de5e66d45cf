/// Cuts a byte stream, fed in chunks of any size, into lines: the lines that fit in a
/// chunk are handed out in place, and only a line split across chunks is copied. A line
/// longer than the limit is dropped as it streams by, so memory stays bounded whatever the
/// input holds.
public struct LineSplitter: Sendable {
    /// One line, without its newline.
    public enum Line {
        case text(UnsafeRawBufferPointer)
        /// A line longer than the limit, not kept.
        case tooLong
    }

    private let maximumLineLength: Int
    private var carry: [UInt8] = []
    private var discarding = false

    public init(maximumLineLength: Int = JournalLineDecoder.maximumLineLength) {
        self.maximumLineLength = maximumLineLength
    }

    /// Hands every line that ends in `chunk` to `body`, in order.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (Line) throws -> Void) rethrows {
        var start = 0
        while let newline = Self.firstNewline(in: chunk, from: start) {
            if discarding {
                discarding = false
                try body(.tooLong)
            } else if carry.isEmpty {
                try body(newline - start > maximumLineLength
                    ? .tooLong : .text(UnsafeRawBufferPointer(rebasing: chunk[start..<newline])))
            } else {
                carry.append(contentsOf: chunk[start..<newline])
                if carry.count > maximumLineLength {
                    try body(.tooLong)
                } else {
                    try carry.withUnsafeBytes { try body(.text($0)) }
                }
                carry.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        guard !discarding, start < chunk.count else { return }
        if carry.count + chunk.count - start > maximumLineLength {
            discarding = true
            carry = []
        } else {
            carry.append(contentsOf: chunk[start...])
        }
    }

    /// At the end of the input: the last line when it has no newline (a line torn by a
    /// crash, or a file another tool ended without one). Nothing when the input ended clean.
    public mutating func finish(_ body: (Line) throws -> Void) rethrows {
        defer {
            carry = []
            discarding = false
        }
        if discarding {
            try body(.tooLong)
        } else if !carry.isEmpty {
            try carry.withUnsafeBytes { try body(.text($0)) }
        }
    }

    /// The index of the first `\n` at or after `start`, eight bytes at a time.
    static func firstNewline(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        ByteSearch.first(0x0A, in: bytes, from: start)
    }
}
