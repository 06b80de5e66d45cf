#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchLive
import LipTwitchSystem
import Logging
import ServiceLifecycle

/// `liptwitch daemon`: every accepted sensor at once, one pipeline each, into the journal
/// and the live stream, under swift-service-lifecycle (docs/DAEMON.md).
///
/// What can fail with a sentence for the person (the socket is taken, the journal's
/// directory cannot be made) fails in `init`, before anything runs. `run()` then runs the
/// services until SIGTERM or SIGINT and shuts them down in order: systemd is told it is
/// stopping, the sensors are told to stop and their pipelines finished (open episodes
/// closed as truncated), the live stream sends what it owes and closes, the journal
/// writes the session's stop and its last records.
public final class Daemon: Sendable {
    public let options: DaemonOptions
    public let journal: JournalService
    private let live: LiveStreamServer
    private let sensors: SensorService
    private let heartbeat: DaemonHeartbeat
    private let logger: Logger

    public init(options: DaemonOptions, logger: Logger) async throws {
        // A file size limit makes writes fail (EFBIG, reported) instead of killing the daemon.
        IgnoredSignals.ignoreFileSizeLimit()
        if let captures = options.captureDirectory, !DirectoryCheck.exists(captures) {
            throw DaemonError(description: "there is no directory \(captures) for the captures: create it first (mkdir -p \(captures))")
        }
        let session = UUID()
        let listener = try UnixListener(path: options.socket.path, privateDirectory: options.socket.isDefault)
        let journal: JournalService
        let live: LiveStreamServer
        do {
            journal = try JournalService(
                directory: options.journalDirectory,
                stamper: RecordStamper(tool: options.tool, version: options.version, session: session, clock: options.clock),
                mode: options.mode, logger: logger)
            live = try await LiveStreamServer(
                listener: listener,
                versionLine: .version(
                    daemon: options.version, session: session.uuidString.lowercased(), pid: SystemEnvironment.processID),
                queueCapacity: options.clientQueueBytes, logger: logger)
        } catch {
            listener.remove()
            throw error
        }
        let calibration = try ProfileFile.readDefault()
        logger.info("\(calibration.map { "calibration profile: \($0.path)" } ?? "no calibration profile (liptwitch calibrate makes one)")")
        let outlets = DaemonOutlets(journal: journal, live: live, anchor: .now(on: options.clock), logger: logger)
        sensors = try SensorService(
            configuration: options.discovery, hotplug: options.hotplug, namedPortDriver: options.namedPortDriver,
            pipeline: PipelineConfiguration(
                anchor: outlets.anchor, levelInterval: .milliseconds(250), countersInterval: .seconds(5),
                profile: calibration?.profile, detectorVersion: "liptwitch \(options.version)"),
            captureDirectory: options.captureDirectory, outlets: outlets)
        heartbeat = DaemonHeartbeat(
            notifier: try SystemdNotifier.fromEnvironment(), watchdog: SystemdNotifier.watchdogInterval, live: live,
            journal: journal, sensors: sensors, logger: logger)
        self.options = options
        self.journal = journal
        self.live = live
        self.logger = logger
        logger.info(
            "journal in \(options.journalDirectory); live stream on \(options.socket.path) (session \(session.uuidString.lowercased()))")
    }

    /// Runs the daemon's services until SIGTERM or SIGINT, or until one of `others`
    /// returns. `readers` read the live stream to its end: they stop after it has closed
    /// (a console that shows the last lines); `others` start last and stop first.
    public func run(readers: [any Service] = [], others: [any Service] = []) async throws {
        func companion(_ service: any Service) -> ServiceGroupConfiguration.ServiceConfiguration {
            .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup)
        }
        let daemon: [any Service] = [live, sensors, heartbeat]
        var configurations = [ServiceGroupConfiguration.ServiceConfiguration(service: journal)]
        configurations += readers.map(companion)
        configurations += daemon.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
        configurations += others.map(companion)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: configurations, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("stopped")
    }
}

/// The daemon cannot start as asked; the description says why and what to do.
public struct DaemonError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
