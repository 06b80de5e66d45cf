#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// A stable name for a device whose node changes, as `/dev/serial/by-id` is for a USB
/// sensor: the virtual sensor points one at each new pseudo-terminal it plugs in.
public enum SymbolicLink {
    /// Makes `path` a symbolic link to `target`, replacing a link that was there in one
    /// step (a link made beside it, then renamed over it).
    /// Anything at `path` other than a symbolic link is left alone, and an error.
    public static func point(_ path: String, to target: String) throws(SystemError) {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK {
            throw SystemError("make '\(path)' a link to the sensor, since something else is there", .fileExists)
        }
        let temporary = "\(path).\(getpid()).new"
        unlink(temporary)
        guard symlink(target, temporary) == 0 else { throw SystemError("create the link '\(path)'", Errno(rawValue: errno)) }
        guard rename(temporary, path) == 0 else {
            let number = errno
            unlink(temporary)
            throw SystemError("create the link '\(path)'", Errno(rawValue: number))
        }
    }

    /// Removes the link at `path` if it still points to `target`.
    public static func remove(_ path: String, ifPointingTo target: String) {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return }
        let current = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if current == target { unlink(path) }
    }
}
