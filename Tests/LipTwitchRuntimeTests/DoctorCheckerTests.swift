import LipTwitchDiscovery
import LipTwitchRuntime
import LipTwitchSystem
import Testing

/// `DoctorChecker`'s rules on facts a test writes: the checks that need root, a systemd
/// user manager or a braille display to arise for real.
@Suite struct DoctorCheckerTests {
    private static let alice = UserIdentity(userID: 1000, name: "alice", groupIDs: [1000])

    private func facts(
        ports: [PortFacts] = [], service: ServiceFacts = ServiceFacts(systemctl: nil), brlttyRules: String = ""
    ) -> DoctorFacts {
        DoctorFacts(
            user: Self.alice, ruleFiles: ["/usr/lib/udev/rules.d/70-liptwitch.rules"], udevRuns: true, ports: ports,
            modemManager: nil, brltty: brlttyRules.isEmpty ? nil : "/usr/bin/brltty", brlttyRules: brlttyRules,
            service: service,
            journal: JournalDirectoryFacts(
                path: "/home/alice/.local/share/liptwitch/journal", status: FileStatus(owner: 1000, group: 1000, permissions: 0o700),
                isWritable: true, availableBytes: 1 << 30),
            socket: LiveSocketFacts(path: "/run/user/1000/liptwitch/live.sock", exists: true, answers: true))
    }

    private func port(permissions: UInt32 = 0o660, acl: FileACL = FileACL(), listed: Bool = false) -> PortFacts {
        PortFacts(
            path: "/dev/ttyACM0", udevProperties: ["ID_MM_DEVICE_IGNORE": "1", "TAGS": ":liptwitch:uaccess:"],
            usbID: .lipTwitchSensor, status: FileStatus(owner: 0, group: 20, permissions: permissions), groupName: "dialout",
            acl: acl, userListedInGroup: listed)
    }

    private func finding(_ check: String, _ facts: DoctorFacts) throws -> DoctorFinding {
        try #require(DoctorChecker(facts: facts).findings.first { $0.check == check })
    }

    @Test func accessThroughTheUaccessACLIsWell() throws {
        let access = try finding("port_access", facts(ports: [port(acl: FileACL(readWriteUsers: [1000]))]))
        #expect(access.status == .ok)
        #expect(access.message == "/dev/ttyACM0 belongs to root:dialout, mode 0660; alice may open it through an ACL entry (uaccess)")
    }

    @Test func aGroupJoinedAfterLoginSaysToLogInAgain() throws {
        let access = try finding("port_access", facts(ports: [port(listed: true)]))
        #expect(access.status == .problem)
        #expect(access.fix == "log out and in again (or: newgrp dialout)")
        #expect(access.message.contains("the uaccess tag gives access only to a user logged in at the machine"))
    }

    @Test func aWorldWritablePortIsAWarning() throws {
        #expect(try finding("port_access", facts(ports: [port(permissions: 0o666)])).status == .warning)
    }

    @Test(arguments: [
        (ServiceFacts(systemctl: nil), DoctorFinding.Status.skipped, nil as String?),
        (ServiceFacts(systemctl: "/usr/bin/systemctl"), .warning, "log in at the machine, or run the recorder yourself: liptwitch daemon"),
        (ServiceFacts(systemctl: "/usr/bin/systemctl", enabled: "disabled", active: "inactive"), .warning,
         "systemctl --user enable --now liptwitch.service"),
        (ServiceFacts(systemctl: "/usr/bin/systemctl", enabled: "enabled", active: "failed"), .problem,
         "journalctl --user -u liptwitch -n 50 && systemctl --user restart liptwitch.service"),
        (ServiceFacts(systemctl: "/usr/bin/systemctl", enabled: "enabled", active: "active"), .ok, nil),
    ])
    func theServiceState(service: ServiceFacts, status: DoctorFinding.Status, fix: String?) throws {
        let finding = try finding("service", facts(service: service))
        #expect(finding.status == status)
        #expect(finding.fix == fix)
    }

    @Test func brlttyClaimingTheSensorsUSBIdIsAProblem() throws {
        let rules = #"ENV{PRODUCT}=="1209/4c54/*", ATTRS{idVendor}=="1209", ATTRS{idProduct}=="4c54", ENV{BRLTTY_BRAILLE_DRIVER}="xx""#
        let claimed = try finding("brltty", facts(ports: [port()], brlttyRules: rules))
        #expect(claimed.status == .problem)
        #expect(claimed.fix?.hasPrefix("sudo systemctl mask brltty-udev.service") == true)
        let other = try finding("brltty", facts(ports: [port()], brlttyRules: rules.replacingOccurrences(of: "4c54", with: "ea60")))
        #expect(other.status == .ok)
    }

    @Test func theReportCountsProblemsForTheExitStatus() throws {
        let well = DoctorReport(findings: DoctorChecker(facts: facts(service: ServiceFacts(systemctl: nil))).findings)
        #expect(well.exitStatus == 0)
        #expect(well.text.last == "All is well (1 warning).", "no sensor is a warning")
        let sick = DoctorReport(findings: DoctorChecker(facts: facts(ports: [port()])).findings)
        #expect(sick.exitStatus == 1)
        #expect(sick.json.hasPrefix(#"{"class":"doctor","ok":false,"problems":1,"warnings":0,"findings":[{"check":"udev_rule""#))
    }
}
