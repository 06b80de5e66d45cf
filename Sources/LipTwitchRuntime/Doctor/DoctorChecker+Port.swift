import LipTwitchSystem

extension DoctorChecker {
    /// The user may open the port: as its owner, through its group, through an ACL entry
    /// (what `uaccess` gives a local session), or because everyone may.
    func accessFinding(_ port: PortFacts) -> DoctorFinding {
        guard let status = port.status else {
            return DoctorFinding(
                "port_access", subject: port.path, .problem, "\(port.path) is not there (unplugged?)",
                fix: "plug the sensor in, then: liptwitch devices")
        }
        let user = facts.user
        let group = port.groupName ?? "group \(status.group)"
        let shown = "\(port.path) belongs to \(ownerName(status.owner)):\(group), mode \(octal(status.permissions))"
        if status.permissions & 0o006 == 0o006, user.userID != 0 {
            return DoctorFinding(
                "port_access", subject: port.path, .warning,
                "\(shown): every user on this machine may read and write it",
                fix: facts.ruleFiles.isEmpty ? Self.installRule : Self.reloadRules)
        }
        if let way = port.access(for: user) {
            return DoctorFinding("port_access", subject: port.path, .ok, "\(shown); \(user.name) may open it \(way)")
        }
        let uaccess = port.isTagged("uaccess")
            ? "the uaccess tag gives access only to a user logged in at the machine (not over ssh)"
            : "it has no uaccess tag (the LipTwitch udev rule adds one)"
        if port.userListedInGroup {
            return DoctorFinding(
                "port_access", subject: port.path, .problem,
                "\(shown): \(user.name) was added to \(group) after this session started; \(uaccess)",
                fix: "log out and in again (or: newgrp \(group))")
        }
        return DoctorFinding(
            "port_access", subject: port.path, .problem,
            "\(shown): \(user.name) cannot open it: not its owner, not in \(group), no ACL entry; \(uaccess)",
            fix: "sudo usermod -aG \(group) \(user.name)  (then log out and in again)")
    }

    /// No other program holds the port open (a terminal program, a second recorder).
    func holderFinding(_ port: PortFacts) -> DoctorFinding {
        let others = port.holders.filter { $0.command != "liptwitch" }
        if let first = others.first {
            let names = others.map(\.description).joined(separator: ", ")
            return DoctorFinding(
                "port_holder", subject: port.path, .problem,
                "\(port.path) is held open by \(names): LipTwitch cannot have it while that runs",
                fix: "close \(first.command), or: kill \(others.map { String($0.pid) }.joined(separator: " "))")
        }
        if let daemon = port.holders.first {
            return DoctorFinding("port_holder", subject: port.path, .ok, "\(port.path) is held by LipTwitch (\(daemon))")
        }
        return DoctorFinding("port_holder", subject: port.path, .ok, "no other program holds \(port.path)")
    }

    /// The sensor's firmware speaks a protocol this LipTwitch speaks.
    func firmwareFinding(_ port: PortFacts) -> DoctorFinding {
        switch port.firmware {
        case .compatible(let identity):
            return DoctorFinding(
                "firmware", subject: port.path, .ok,
                "sensor \(identity.serialNumber): firmware \(identity.firmware), protocol "
                    + "\(identity.protocolMajor).\(identity.protocolMinor), compatible")
        case .incompatible(let reason):
            return DoctorFinding(
                "firmware", subject: port.path, .problem, "the sensor on \(port.path) cannot be used: \(reason)",
                fix: "sudo apt update && sudo apt install --only-upgrade liptwitch")
        case .failed(let reason):
            return DoctorFinding(
                "firmware", subject: port.path, .problem, "no handshake with \(port.path): \(reason)",
                fix: "unplug the sensor and plug it in again, then: liptwitch link --device \(port.path)")
        case .skipped(let reason):
            return DoctorFinding("firmware", subject: port.path, .skipped, "the sensor was not asked: \(reason)")
        }
    }

    private func ownerName(_ owner: UInt32) -> String {
        owner == 0 ? "root" : owner == facts.user.userID ? facts.user.name : "uid \(owner)"
    }
}

/// `mode` as `ls -l`'s numbers show it, e.g. `0660`.
func octal(_ mode: UInt32) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
