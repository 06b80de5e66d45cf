import Logging

/// Where a sensor session's records go: the journal, the live stream and the log, with
/// the one wall-clock anchor of the daemon's run.
struct DaemonOutlets: Sendable {
    let journal: JournalService
    let live: LiveStreamServer
    let anchor: WallClockAnchor
    let logger: Logger
}
