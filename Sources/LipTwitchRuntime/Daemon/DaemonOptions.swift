import LipTwitchDiscovery
import LipTwitchDrivers
import LipTwitchJournal

/// What a daemon runs with: which ports are sensors, where the journal and the live
/// socket are, and what it calls itself in the journal.
public struct DaemonOptions: Sendable {
    public var discovery: DiscoveryConfiguration
    /// Watch udev for sensors (at start and as they are plugged in); without it, only the
    /// ports named in `discovery` are used (the demo's virtual sensor).
    public var hotplug: Bool
    /// The driver of the ports named in `discovery` (`--device`); the sensors udev finds
    /// speak the LipTwitch protocol.
    public var namedPortDriver: SensorDriver
    public var journalDirectory: String
    public var socket: LiveSocketLocation
    /// How far (bytes) a watch client may fall behind before it is dropped.
    public var clientQueueBytes: Int
    /// Also write a capture of every sensor's port into this directory (`liptwitch replay`
    /// runs the same pipeline on it).
    public var captureDirectory: String?
    /// The session's mode in the journal: `daemon`, `demo`.
    public var mode: String
    /// The tool in the journal's records (`liptwitch daemon`) and its version.
    public var tool: String
    public var version: String
    /// The wall clock the journal's records and the live times are read from.
    public var clock: JournalClock

    public init(
        discovery: DiscoveryConfiguration, hotplug: Bool = true, namedPortDriver: SensorDriver = .liptwitch,
        journalDirectory: String, socket: LiveSocketLocation,
        clientQueueBytes: Int = 256 * 1024, captureDirectory: String? = nil, mode: String = "daemon", tool: String = "liptwitch daemon",
        version: String, clock: JournalClock
    ) {
        self.clock = clock
        self.discovery = discovery
        self.hotplug = hotplug
        self.namedPortDriver = namedPortDriver
        self.journalDirectory = journalDirectory
        self.socket = socket
        self.clientQueueBytes = clientQueueBytes
        self.captureDirectory = captureDirectory
        self.mode = mode
        self.tool = tool
        self.version = version
    }
}
