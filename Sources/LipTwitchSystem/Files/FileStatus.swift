#if canImport(Glibc)
import Glibc
#endif

/// Who owns a file and who may use it, as `stat` (following links) reports it.
public struct FileStatus: Sendable, Equatable {
    public var owner: UInt32
    public var group: UInt32
    /// The permission bits, e.g. `0o660`.
    public var permissions: UInt32
    public var isDirectory: Bool

    public init(owner: UInt32, group: UInt32, permissions: UInt32, isDirectory: Bool = false) {
        self.owner = owner
        self.group = group
        self.permissions = permissions
        self.isDirectory = isDirectory
    }

    /// The status of `path`, or nil when it does not exist or cannot be looked at.
    public static func of(_ path: String) -> FileStatus? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileStatus(
            owner: status.st_uid, group: status.st_gid, permissions: UInt32(status.st_mode) & 0o7777,
            isDirectory: status.st_mode & S_IFMT == S_IFDIR)
    }

    /// True when `path` exists (a link is followed).
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// True when this process may write in `path`.
    public static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    /// The names in the directory `path`, `.` and `..` left out; empty when unreadable.
    public static func names(in path: String) -> [String] {
        ProcFiles.entries(of: path)
    }

    /// The whole text of a small file, or nil.
    public static func text(of path: String) -> String? {
        ProcFiles.read(path)
    }
}
