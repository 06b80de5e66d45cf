#if canImport(Glibc)
import Glibc
#endif

/// Whether a directory is there to put files in.
public enum DirectoryCheck {
    /// True when `path` is a directory (or a link to one).
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
