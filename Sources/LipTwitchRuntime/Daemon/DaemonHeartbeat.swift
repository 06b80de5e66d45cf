import JSONLines
import LipTwitchJournal
import LipTwitchLive
import LipTwitchSystem
import Logging
import ServiceLifecycle

/// The daemon's pulse: tells systemd it is ready (`READY=1`), what it is doing (`STATUS=`,
/// as `systemctl status` shows it) and that it is alive (`WATCHDOG=1`, at half the
/// watchdog interval, only while the live stream's event loop answers), and `STOPPING=1`
/// when it shuts down; every few seconds it also sends the daemon's own `counters` line
/// on the live stream (sensors, clients, the journal's health).
final class DaemonHeartbeat: Service, Sendable {
    private let notifier: SystemdNotifier?
    private let watchdog: Duration?
    private let live: LiveStreamServer
    private let journal: JournalService
    private let sensors: SensorService
    private let logger: Logger

    init(
        notifier: SystemdNotifier?, watchdog: Duration?, live: LiveStreamServer, journal: JournalService,
        sensors: SensorService, logger: Logger
    ) {
        self.notifier = notifier
        self.watchdog = watchdog
        self.live = live
        self.journal = journal
        self.sensors = sensors
        self.logger = logger
    }

    /// How often the status and the counters are brought up to date.
    static let interval = Duration.seconds(5)

    func run() async throws {
        var status = statusText
        notifier?.send("READY=1\nSTATUS=\(status)")
        logger.info("ready: \(status)")
        let tick = min(watchdog ?? Self.interval, Self.interval)
        let clock = ContinuousClock()
        var nextReport = clock.now + Self.interval
        var nextPing = clock.now
        while !Task.isShuttingDownGracefully {
            if watchdog != nil, clock.now >= nextPing {
                // A stuck event loop never answers: no WATCHDOG=1, and systemd restarts the daemon.
                try await live.ping()
                notifier?.send("WATCHDOG=1")
                nextPing = clock.now + (watchdog ?? tick)
            }
            if clock.now >= nextReport {
                let now = statusText
                if now != status { notifier?.send("STATUS=\(now)") }
                status = now
                live.publish(countersLine)
                nextReport = clock.now + Self.interval
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: tick) }
        }
        notifier?.send("STOPPING=1\nSTATUS=stopping: telling the sensors to stop, writing the journal")
    }

    /// `2 sensors (LT-0001 streaming, LT-0002 gone); 1 watch client; journal: 42 records`
    private var statusText: String {
        let names = sensors.summaries
        let health = journal.health
        let clients = live.counts.clients
        var parts = [
            "\(names.count) sensor\(names.count == 1 ? "" : "s")" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"),
            "\(clients) watch client\(clients == 1 ? "" : "s")",
        ]
        if let error = health.error {
            parts.append("journal FAILING: \(error) (\(JournalService.records(health.pending)) waiting)")
        } else {
            parts.append("journal: \(JournalService.records(health.written))")
        }
        return parts.joined(separator: "; ")
    }

    /// `{"class":"counters","time":…,"sensors":2,"clients":1,…}`: the daemon's own counts.
    private var countersLine: LiveLine {
        let health = journal.health
        let counts = live.counts
        var object = JSONObject(class: LiveClass.counters.rawValue)
        object.add("time", journal.clock.now().rfc3339)
        object.add("sensors", sensors.summaries.count)
        object.add("clients", counts.clients)
        object.add("clients_dropped", counts.dropped)
        object.add("journal_written", health.written)
        object.add("journal_pending", health.pending)
        object.add("journal_dropped", health.dropped)
        if let error = health.error { object.add("journal_error", error) }
        return LiveLine(.counters, sensor: nil, text: object.serialized)
    }
}
