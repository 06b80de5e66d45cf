#if canImport(Glibc)
import Glibc
#endif

/// Free space on the file system that holds a path.
public enum DiskSpace {
    /// The bytes an unprivileged user may still write there, or nil when unknown.
    public static func available(at path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }
}
