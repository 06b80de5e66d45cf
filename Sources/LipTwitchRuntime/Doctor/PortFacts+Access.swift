import LipTwitchSystem

extension PortFacts {
    /// How `user` gets read and write access to the port, in words ("as its owner"), or
    /// nil when they do not: as root, the owner, through the group, an ACL entry (what
    /// `uaccess` gives a local session), or because everyone may.
    func access(for user: UserIdentity) -> String? {
        guard let status else { return nil }
        if user.userID == 0 { return "as root" }
        if status.owner == user.userID, status.permissions & 0o600 == 0o600 { return "as its owner" }
        if user.groupIDs.contains(status.group), status.permissions & 0o060 == 0o060 {
            return "as a member of \(groupName ?? "its group")"
        }
        if acl.readWriteUsers.contains(user.userID) { return "through an ACL entry (uaccess)" }
        if acl.readWriteGroups.contains(where: user.groupIDs.contains) { return "through a group ACL entry" }
        if status.permissions & 0o006 == 0o006 { return "as everyone may" }
        return nil
    }
}
