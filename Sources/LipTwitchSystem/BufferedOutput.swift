import SystemPackage

/// Buffered output to standard output or to a file, for lines and for raw bytes.
///
/// A reader that goes away (`liptwitch decode dump | head`) is not an error worth a
/// message: the first failed write sets `isClosed` and later output is dropped. Files are
/// created readable by their owner only, since what LipTwitch writes is health data.
public final class BufferedOutput {
    private let descriptor: FileDescriptor
    private let ownsDescriptor: Bool
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// True once the reader has closed the other end of the pipe.
    public private(set) var isClosed = false

    /// Standard output.
    public init(capacity: Int = 64 * 1024) {
        descriptor = .standardOutput
        ownsDescriptor = false
        name = "standard output"
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
        IgnoredSignals.ignoreBrokenPipe()
    }

    /// Creates or truncates the file at `path` (mode 0600); `-` means standard output.
    public convenience init(path: String, capacity: Int = 64 * 1024) throws(SystemError) {
        guard path != "-" else {
            self.init(capacity: capacity)
            return
        }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite], retryOnInterrupt: true)
        } catch {
            throw SystemError("create '\(path)'", error as? Errno ?? .ioError)
        }
        self.init(descriptor: descriptor, name: "'\(path)'", capacity: capacity)
    }

    private init(descriptor: FileDescriptor, name: String, capacity: Int) {
        self.descriptor = descriptor
        ownsDescriptor = true
        self.name = name
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
        IgnoredSignals.ignoreBrokenPipe()
    }

    deinit {
        try? flush()
        if ownsDescriptor { try? descriptor.close() }
    }

    /// Appends `line` and a newline.
    public func write(line: String) throws(SystemError) {
        guard !isClosed else { return }
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= capacity { try flush() }
    }

    /// Appends `line`'s bytes and a newline.
    public func write(line: UnsafeRawBufferPointer) throws(SystemError) {
        guard !isClosed else { return }
        buffer.append(contentsOf: line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw bytes.
    public func write(bytes: some Collection<UInt8>) throws(SystemError) {
        guard !isClosed else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out everything buffered.
    public func flush() throws(SystemError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !isClosed, !buffer.isEmpty else { return }
        do {
            _ = try buffer.withUnsafeBytes { try descriptor.writeAll($0) }
        } catch Errno.brokenPipe {
            isClosed = true
        } catch {
            throw SystemError("write \(name)", error as? Errno ?? .ioError)
        }
    }
}
