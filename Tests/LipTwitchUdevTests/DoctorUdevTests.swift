import Foundation
import LipTwitchDiscovery
import LipTwitchRuntime
import Testing
import TestSupport

extension UmockdevTests {
    /// `liptwitch doctor`'s survey against umockdev's fake sensor: the real libudev, real
    /// rule and program files in a temporary directory standing in for the system's.
    @Suite("liptwitch doctor (umockdev)")
    struct DoctorUdevTests {
        /// The findings for the devices in the test bed, with the rule installed or not and
        /// ModemManager installed or not.
        private func findings(ruleInstalled: Bool, modemManager: Bool) throws -> [DoctorFinding] {
            let files = try TemporaryDirectory()
            try FileManager.default.createDirectory(atPath: files.path + "/rules.d", withIntermediateDirectories: false)
            if ruleInstalled { _ = FileManager.default.createFile(atPath: files.path + "/rules.d/70-liptwitch.rules", contents: Data()) }
            _ = FileManager.default.createFile(atPath: files.path + "/control", contents: Data())
            _ = FileManager.default.createFile(atPath: files.path + "/ModemManager", contents: Data())
            var survey = DoctorSurvey()
            survey.paths.ruleDirectories = [files.path + "/rules.d"]
            survey.paths.udevControl = files.path + "/control"
            survey.paths.modemManagerPrograms = modemManager ? [files.path + "/ModemManager"] : []
            survey.paths.brlttyPrograms = []
            survey.paths.systemctlPrograms = []
            survey.probeFirmware = false
            survey.findHolders = false
            let facts = survey.facts(
                discovery: DiscoveryConfiguration(), journalDirectory: files.path + "/journal",
                socket: LiveSocketLocation(override: files.path + "/live.sock"))
            return DoctorChecker(facts: facts).findings
        }

        private func finding(_ check: String, in findings: [DoctorFinding]) throws -> DoctorFinding {
            try #require(findings.first { $0.check == check }, "no \(check) finding in \(findings)")
        }

        @Test func noRuleIsAProblemThatSaysHowToInstallIt() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensorWithoutTheRule())
            let rule = try finding("udev_rule", in: findings(ruleInstalled: false, modemManager: false))
            #expect(rule.status == .problem)
            #expect(rule.message.hasPrefix("the LipTwitch udev rule is not installed"))
            #expect(rule.fix?.contains("sudo install -m 0644 udev/70-liptwitch.rules /etc/udev/rules.d/") == true)
        }

        @Test func aRuleUdevHasNotAppliedSaysToReload() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensorWithoutTheRule())
            let rule = try finding("udev_rule", in: findings(ruleInstalled: true, modemManager: false))
            #expect(rule.status == .problem && rule.subject == "/dev/ttyACM0")
            #expect(rule.message.contains("udev has not applied it to /dev/ttyACM0"))
            #expect(rule.fix == "sudo udevadm control --reload && sudo udevadm trigger --subsystem-match=tty --action=change")
        }

        @Test func modemManagerWouldClaimAPortTheRuleDidNotMark() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensorWithoutTheRule().replacingOccurrences(
                of: "E: ID_BUS=usb\n", with: "E: ID_BUS=usb\nE: ID_MM_CANDIDATE=1\n"))
            let findings = try findings(ruleInstalled: false, modemManager: true)
            let modem = try finding("modem_manager", in: findings)
            #expect(modem.status == .problem && modem.subject == "/dev/ttyACM0")
            #expect(modem.message.contains("would probe /dev/ttyACM0 (udev marks it ID_MM_CANDIDATE=1)"), "\(modem.message)")
            #expect(modem.fix?.hasPrefix("sudo install -m 0644 udev/70-liptwitch.rules") == true)
        }

        @Test func theRuleKeepsModemManagerAwayAndGivesAccess() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensor())
            let findings = try findings(ruleInstalled: true, modemManager: true)
            #expect(try finding("udev_rule", in: findings).status == .ok)
            let modem = try finding("modem_manager", in: findings)
            #expect(modem.status == .ok && modem.message.contains("ID_MM_DEVICE_IGNORE=1"))
            #expect(try finding("port_access", in: findings).status == .ok)
            #expect(try finding("brltty", in: findings).message == "brltty is not installed")
            #expect(!findings.contains { $0.check == "sensor" }, "the sensor was found")
        }
    }
}
