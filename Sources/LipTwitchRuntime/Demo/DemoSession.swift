import LipTwitchDiscovery
import LipTwitchJournal
import LipTwitchLive
import LipTwitchSimulator
import LipTwitchSystem
import Logging

/// `liptwitch demo`: the whole of LipTwitch on a simulated sensor, in one process. A
/// `VirtualSensor` on a pseudo-terminal (twitches from the first seconds), the daemon
/// pointed at it with a journal in a new private temporary directory (or the one given),
/// and the live console reading the daemon's socket as `liptwitch watch` would; until the
/// duration or Ctrl-C. Then it says where the journal is and what to try next.
public struct DemoSession {
    public var duration: Double?
    /// The journal directory; nil: `journal` in a new temporary directory.
    public var journalDirectory: String?
    public var version: String
    /// How the person ran liptwitch (`liptwitch`, `.build/release/liptwitch`), for the hints.
    public var program: String
    /// The wall clock of the demo's journal and log.
    public var clock: JournalClock

    public init(duration: Double?, journalDirectory: String?, version: String, program: String, clock: JournalClock) {
        self.clock = clock
        self.duration = duration
        self.journalDirectory = journalDirectory
        self.version = version
        self.program = program
    }

    public func run() async throws {
        let printer = LinePrinter()
        let workspace = try PrivateTemporaryDirectory.make(prefix: "liptwitch-demo")
        let journal = journalDirectory ?? workspace + "/journal"
        let socket = workspace + "/live.sock"
        let configuration = SimulatorConfiguration()
        let sensor = try VirtualSensor(configuration: configuration)
        defer { sensor.stop() }
        let port = sensor.devicePath ?? "?"
        let logger = Logger(label: "liptwitch.demo") { _ in DaemonLogHandler(name: "liptwitch demo", level: .warning, clock: clock) }
        let daemon = try await Daemon(
            options: DaemonOptions(
                discovery: DiscoveryConfiguration(extraSensorIDs: [], devicePaths: [port]), hotplug: false,
                journalDirectory: journal, socket: LiveSocketLocation(override: socket), mode: "demo",
                tool: "liptwitch demo", version: version, clock: clock),
            logger: logger)
        let columns = SystemEnvironment.redrawableTerminalColumns
        let console = try WatchSession(
            socketPath: socket, filter: .all, style: columns.map { .terminal(columns: $0) } ?? .plain,
            readsToTheEnd: true)
        printer.print("""
            liptwitch demo: a simulated sensor (\(configuration.serialNumber), \(configuration.placements.count) EMG \
            channels on the upper lip, \(configuration.sampleRateHz) Hz) on \(port),
            the daemon recording it to \(journal),
            and the live console (what `liptwitch watch` shows)\(duration.map { " for \(Self.seconds($0)) s" } ?? ""); \
            Ctrl-C stops it.

            """)
        let timer = duration.map { DemoTimer(duration: .milliseconds(Int64($0 * 1000))) }
        daemon.journal.setStopReason("end of demo")
        try await daemon.run(readers: [console], others: timer.map { [$0] } ?? [])
        let run = program
        printer.print("""

            The journal of this demo is in \(journal). Try next:
              what was recorded:     \(run) journal --journal \(journal)
              what it adds up to:    \(run) report --journal \(journal)
              a possible trigger:    \(run) note "third coffee" --tag caffeine --journal \(journal)
              your own setup:        \(run) simulate --symlink /tmp/sensor     (a sensor that keeps running)
                                     \(run) daemon --device /tmp/sensor        (in a second terminal)
                                     \(run) watch                              (in a third)
              a real sensor:         \(run) devices, then \(run) daemon (docs/DAEMON.md)
              every command:         \(run) --help
            """)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
