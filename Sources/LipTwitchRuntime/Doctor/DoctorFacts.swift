import LipTwitchSystem

/// Everything `liptwitch doctor` looked at, gathered once by `DoctorSurvey` (or written by a
/// test): `DoctorChecker` turns it into findings without touching the system.
public struct DoctorFacts: Sendable {
    /// The user the checks are for.
    public var user: UserIdentity
    /// The LipTwitch rule files found where udev looks for rules.
    public var ruleFiles: [String]
    /// True when a udev daemon runs here (its control socket exists).
    public var udevRuns: Bool
    /// The sensors found (and the ports named with `--device`).
    public var ports: [PortFacts]
    /// ModemManager's program, when installed.
    public var modemManager: String?
    /// brltty's program, when installed.
    public var brltty: String?
    /// The text of brltty's udev rules, to see whether they name a port's USB id.
    public var brlttyRules: String
    public var service: ServiceFacts
    public var journal: JournalDirectoryFacts
    public var socket: LiveSocketFacts

    public init(
        user: UserIdentity, ruleFiles: [String], udevRuns: Bool, ports: [PortFacts], modemManager: String?,
        brltty: String?, brlttyRules: String, service: ServiceFacts, journal: JournalDirectoryFacts,
        socket: LiveSocketFacts
    ) {
        self.user = user
        self.ruleFiles = ruleFiles
        self.udevRuns = udevRuns
        self.ports = ports
        self.modemManager = modemManager
        self.brltty = brltty
        self.brlttyRules = brlttyRules
        self.service = service
        self.journal = journal
        self.socket = socket
    }
}
