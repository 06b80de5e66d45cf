import LipTwitchDiscovery
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

    public init(duration: Double?, journalDirectory: String?, version: String) {
        self.duration = duration
        self.journalDirectory = journalDirectory
        self.version = version
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
        let logger = Logger(label: "liptwitch.demo") { _ in DaemonLogHandler(name: "liptwitch demo", level: .warning) }
        let daemon = try await Daemon(
            options: DaemonOptions(
                discovery: DiscoveryConfiguration(extraSensorIDs: [], devicePaths: [port]), hotplug: false,
                journalDirectory: journal, socket: LiveSocketLocation(override: socket), mode: "demo",
                tool: "liptwitch demo", version: version),
            logger: logger)
        let columns = Environment.redrawableTerminalColumns
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
        let rel = "liptwitch"
        printer.print("""

            The journal of this demo is in \(journal). Try next:
              \(rel) journal --journal \(journal)                  # what was recorded
              \(rel) note "third coffee" --tag caffeine --journal \(journal)
              \(rel) simulate --symlink /tmp/sensor               # a sensor that keeps running, then:
              \(rel) daemon --device /tmp/sensor                  #   the daemon, and in a third terminal:
              \(rel) watch                                        #   the live console
              \(rel) --help                                       # every command
            """)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
