import SystemPackage

/// A file or standard input, read in fixed-size chunks into one reused buffer, so memory
/// stays the same however long the input is.
public struct ByteSource: ~Copyable {
    private let descriptor: FileDescriptor
    private let ownsDescriptor: Bool
    private let name: String
    private var buffer: [UInt8]

    /// Opens `path` for reading; `-` means standard input.
    public init(path: String, chunkSize: Int = 64 * 1024) throws(SystemError) {
        if path == "-" {
            descriptor = .standardInput
            ownsDescriptor = false
            name = "standard input"
        } else {
            do {
                descriptor = try FileDescriptor.open(
                    FilePath(path), .readOnly, options: [.closeOnExec], retryOnInterrupt: true)
            } catch {
                throw SystemError("open '\(path)'", error as? Errno ?? .ioError)
            }
            ownsDescriptor = true
            name = "'\(path)'"
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit {
        if ownsDescriptor { try? descriptor.close() }
    }

    /// Bytes left to read when the input can seek (a regular file, also as standard input);
    /// nil for a pipe or a terminal. For progress reports.
    public func remainingByteCount() -> Int? {
        guard let here = try? descriptor.seek(offset: 0, from: .current),
            let end = try? descriptor.seek(offset: 0, from: .end),
            (try? descriptor.seek(offset: here, from: .start)) != nil
        else { return nil }
        return Int(end - here)
    }

    /// Reads the next chunk and hands it to `body`; returns false at the end of the input.
    public mutating func readChunk(_ body: (ArraySlice<UInt8>) throws -> Void) throws -> Bool {
        let count: Int
        do {
            count = try buffer.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
        } catch {
            throw SystemError("read \(name)", error as? Errno ?? .ioError)
        }
        guard count > 0 else { return false }
        try body(buffer[0..<count])
        return true
    }
}
