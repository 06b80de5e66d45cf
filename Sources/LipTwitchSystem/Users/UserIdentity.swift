#if canImport(Glibc)
import Glibc
#endif

/// A user as permission checks see them: their id, name and every group they are in.
public struct UserIdentity: Sendable, Equatable {
    public var userID: UInt32
    public var name: String
    /// The primary group and the supplementary groups of this process.
    public var groupIDs: [UInt32]

    public init(userID: UInt32, name: String, groupIDs: [UInt32]) {
        self.userID = userID
        self.name = name
        self.groupIDs = groupIDs
    }

    /// The user this process runs as.
    public static var current: UserIdentity {
        let userID = geteuid()
        let name = getpwuid(userID).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(userID)"
        var groups = [gid_t](repeating: 0, count: Int(getgroups(0, nil)))
        let count = getgroups(Int32(groups.count), &groups)
        return UserIdentity(userID: userID, name: name, groupIDs: [getegid()] + groups.prefix(max(0, Int(count))))
    }

    /// The name of group `id` in the group database, or nil.
    public static func groupName(_ id: UInt32) -> String? {
        getgrgid(id).flatMap { $0.pointee.gr_name.map { String(cString: $0) } }
    }

    /// True when the group database lists `user` as a member of `group` (the user is in
    /// it at the next login, even if this session started before they joined).
    public static func isListed(_ user: String, inGroup group: UInt32) -> Bool {
        guard var members = getgrgid(group)?.pointee.gr_mem else { return false }
        while let member = members.pointee {
            if String(cString: member) == user { return true }
            members += 1
        }
        return false
    }
}
