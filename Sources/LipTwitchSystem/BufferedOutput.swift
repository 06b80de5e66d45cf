#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// Buffered output to standard output or to a file, for lines and for raw bytes.
///
/// A reader that goes away (`liptwitch decode dump | head`) is not an error worth a
/// message: the first failed write sets `isClosed` and later output is dropped. Files are
/// created readable by their owner only, since what LipTwitch writes is health data.
///
/// `BufferedOutput(replacing:)` writes a file whole or not at all: into a hidden file beside
/// it, renamed into place by `commit()`; an output dropped before that (the command failed)
/// removes what it wrote, so a failure never leaves a partial file behind.
public final class BufferedOutput {
    private let descriptor: FileDescriptor
    private let ownsDescriptor: Bool
    private let name: String
    /// For `init(replacing:)` until `commit()`: the hidden file written and its final path.
    private var uncommitted: (temporary: String, path: String)?
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

    /// Writes the file at `path` whole or not at all (mode 0600): nothing is at `path` until
    /// `commit()`; `-` means standard output.
    public convenience init(replacing path: String, capacity: Int = 64 * 1024) throws(SystemError) {
        guard path != "-" else {
            self.init(capacity: capacity)
            return
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory).\(base).partial-\(getpid())"
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(temporary), .writeOnly, options: [.create, .truncate, .closeOnExec, .noFollow],
                permissions: [.ownerReadWrite], retryOnInterrupt: true)
        } catch {
            throw SystemError("create '\(path)'", error as? Errno ?? .ioError)
        }
        self.init(descriptor: descriptor, name: "'\(path)'", capacity: capacity)
        uncommitted = (temporary, path)
    }

    deinit {
        if let uncommitted {
            try? descriptor.close()
            unlink(uncommitted.temporary)
            return
        }
        try? flush()
        if ownsDescriptor { try? descriptor.close() }
    }

    /// Writes out everything buffered and, for `init(replacing:)`, puts the file in place.
    public func commit() throws(SystemError) {
        try flush()
        guard let (temporary, path) = uncommitted else { return }
        guard rename(temporary, path) == 0 else { throw SystemError("create '\(path)'", Errno(rawValue: errno)) }
        uncommitted = nil
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
