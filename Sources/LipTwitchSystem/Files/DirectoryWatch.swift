import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Waits for files in a directory to be created, written or moved in (inotify), so that a
/// reader following the journal wakes when there is something to read and sleeps
/// otherwise.
public final class DirectoryWatch {
    private let descriptor: FileDescriptor
    private var events = [UInt8](repeating: 0, count: 4096)

    public init(path: String) throws(SystemError) {
        let raw = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard raw >= 0 else { throw SystemError("watch '\(path)'", .latest) }
        descriptor = FileDescriptor(rawValue: raw)
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
        guard inotify_add_watch(raw, path, mask) >= 0 else {
            let error = Errno.latest
            try? descriptor.close()
            throw SystemError("watch '\(path)'", error)
        }
    }

    deinit {
        try? descriptor.close()
    }

    /// Returns when something changed in the directory (true) or after `timeoutMilliseconds`
    /// (false), whichever comes first; a signal that interrupts the wait ends it early.
    @discardableResult
    public func wait(timeoutMilliseconds: Int32) -> Bool {
        var poller = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return false }
        while (try? events.withUnsafeMutableBytes({ try descriptor.read(into: $0, retryOnInterrupt: true) })) ?? 0 > 0 {}
        return true
    }

    /// Sleeps for `milliseconds`: for waiting on a directory that does not exist yet.
    public static func pause(milliseconds: Int32) {
        _ = poll(nil, 0, milliseconds)
    }
}
