import CLinuxShims

/// The named users and groups a POSIX access control list lets read and write a file
/// (what `getfacl` shows; systemd-logind's `uaccess` adds the logged-in user this way).
public struct FileACL: Sendable, Equatable {
    /// Users named in the list with read and write permission.
    public var readWriteUsers: [UInt32]
    /// Groups named in the list with read and write permission.
    public var readWriteGroups: [UInt32]

    public init(readWriteUsers: [UInt32] = [], readWriteGroups: [UInt32] = []) {
        self.readWriteUsers = readWriteUsers
        self.readWriteGroups = readWriteGroups
    }

    /// The list on `path` (`system.posix_acl_access`); empty when it has none.
    public static func of(_ path: String) -> FileACL {
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = bytes.withUnsafeMutableBytes { lt_access_acl(path, $0.baseAddress, $0.count) }
        guard count > 0 else { return FileACL() }
        return FileACL(xattr: bytes[..<count])
    }

    /// Parses the kernel's form: a 4-byte version, then 8-byte entries (tag, permissions,
    /// id; little-endian). The mask entry limits named entries.
    init(xattr: ArraySlice<UInt8>) {
        let bytes = Array(xattr)
        func field(_ offset: Int, _ width: Int) -> UInt32 {
            (0..<width).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
        }
        let userTag: UInt32 = 0x02, groupTag: UInt32 = 0x08, maskTag: UInt32 = 0x10, readWrite: UInt32 = 0o6
        var users: [UInt32] = [], groups: [UInt32] = []
        var mask = readWrite
        for offset in stride(from: 4, to: bytes.count - 7, by: 8) {
            let tag = field(offset, 2), permissions = field(offset + 2, 2), id = field(offset + 4, 4)
            if tag == maskTag { mask = permissions }
            if permissions & readWrite == readWrite, tag == userTag { users.append(id) }
            if permissions & readWrite == readWrite, tag == groupTag { groups.append(id) }
        }
        self = mask & readWrite == readWrite ? FileACL(readWriteUsers: users, readWriteGroups: groups) : FileACL()
    }
}
