import LipTwitchDiscovery
import LipTwitchSystem

/// The rules of `liptwitch doctor`: facts in, findings out, no system call. Each check
/// lives in an extension named after it.
public struct DoctorChecker: Sendable {
    public let facts: DoctorFacts

    public init(facts: DoctorFacts) {
        self.facts = facts
    }

    /// Every finding, in the order a person fixes them: the rule, each port, the service,
    /// the journal, the live socket.
    public var findings: [DoctorFinding] {
        var findings = [ruleFinding, sensorFinding].compactMap { $0 }
        for port in facts.ports {
            findings += [
                accessFinding(port), modemManagerFinding(port), brlttyFinding(port), holderFinding(port),
                firmwareFinding(port),
            ]
        }
        return findings + [serviceFinding] + journalFindings + [socketFinding]
    }

    /// The commands that install the rule from a source checkout, then reload udev.
    static let installRule =
        "sudo install -m 0644 udev/70-liptwitch.rules /etc/udev/rules.d/ && " + reloadRules
    /// The commands that make udev read its rules again and apply them to serial ports.
    static let reloadRules = "sudo udevadm control --reload && sudo udevadm trigger --subsystem-match=tty --action=change"
}
