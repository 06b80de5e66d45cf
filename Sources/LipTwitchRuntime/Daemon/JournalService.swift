import LipTwitchJournal
import LipTwitchSystem
import Logging
import ServiceLifecycle

/// The daemon's journal: records from every sensor go into an inbox and a thread of its
/// own writes them (`JournalWriter`: one locked write and fdatasync each), so a slow or
/// broken disk never holds up a sensor. While the journal cannot be written (full,
/// read-only, no permission) records wait in the writer's bounded backlog, the thread
/// tries again every few seconds, and the log says once when it fails and once when it
/// works again. It writes the session's start first and its stop last.
public final class JournalService: Service, Sendable {
    /// How the journal is doing, for the status line and the daemon's counters.
    public struct Health: Sendable, Equatable {
        public var written = 0
        public var pending = 0
        public var dropped = 0
        /// Why the journal cannot be written now.
        public var error: String?
    }

    private struct Inbox: Sendable {
        var records: [EncodedRecord] = []
        var stopping = false
        var health = Health()
    }

    public let directory: String
    private let stamper: RecordStamper
    private let mode: String
    private let inbox: Locked<Inbox>
    private let notifier: EventNotifier
    private let thread: SystemThread
    /// Why the session stopped, for its stop record.
    private let stopReason = Locked("signal")

    /// Opens the journal in `directory` (creating it 0700) and starts the writing thread;
    /// throws when the directory cannot be made or used at all.
    public init(directory: String, stamper: RecordStamper, mode: String, logger: Logger) throws {
        let store = try JournalStore(directory: directory)
        for notice in store.notices { logger.notice("\(notice)") }
        let writer = JournalWriter(store: store, stamper: stamper)
        let notifier = try EventNotifier()
        let inbox = Locked(Inbox())
        self.inbox = inbox
        self.directory = directory
        self.stamper = stamper
        self.mode = mode
        self.notifier = notifier
        thread = try SystemThread(name: "journal") {
            Self.write(with: writer, inbox: inbox, notifier: notifier, logger: logger)
        }
        submit(stamper.record(.session(SessionRecord(event: .start, mode: mode))))
    }

    /// Hands a record to the journal; from any thread, never blocking.
    public func submit(_ record: JournalRecord) {
        submit(EncodedRecord(record))
    }

    /// Hands an encoded record to the journal, which writes its line as it is; from any
    /// thread, never blocking.
    public func submit(_ record: EncodedRecord) {
        inbox.withLock { $0.records.append(record) }
        notifier.notify()
    }

    /// The clock the session's records are stamped with.
    public var clock: JournalClock {
        stamper.clock
    }

    /// A record of `body` in this session, written at `time` (now by default).
    public func stamp(_ body: RecordBody, at time: LocalTime? = nil) -> JournalRecord {
        stamper.record(body, at: time)
    }

    public var health: Health {
        inbox.withLock { $0.health }
    }

    /// Says why the session will stop (`end of demo`); the default is `signal`.
    public func setStopReason(_ reason: String) {
        stopReason.withLock { $0 = reason }
    }

    /// Runs until the daemon shuts down; then writes the session's stop record after
    /// everything else and waits for the writes.
    public func run() async throws {
        try? await gracefulShutdown()
        submit(stamp(.session(SessionRecord(event: .stop, mode: mode, reason: stopReason.withLock { $0 }))))
        inbox.withLock { $0.stopping = true }
        notifier.notify()
        thread.join()
    }

    /// How long records wait before the next try while the journal fails.
    static let retryNanoseconds: Int64 = 5_000_000_000

    /// The writing thread: takes what is in the inbox, writes it, tries again while the
    /// journal fails, until the service stops.
    private static func write(with writer: JournalWriter, inbox: Locked<Inbox>, notifier: EventNotifier, logger: Logger) {
        var poll = PollSet()
        poll.add(notifier.descriptor)
        var failing: String?
        while true {
            let (records, stopping) = inbox.withLock { state in
                defer { state.records.removeAll() }
                return (state.records, state.stopping)
            }
            let statuses = records.isEmpty ? [writer.retry()] : records.map { writer.append($0) }
            let status = statuses[statuses.count - 1]
            let error = status.error?.description
            if let error, error != failing {
                logger.error("\(error); \(Self.records(status.pending)) wait, and are written once it works again")
            } else if error == nil, failing != nil {
                logger.notice("the journal is written again (\(Self.records(status.droppedTotal)) lost while it failed)")
            }
            failing = error
            inbox.withLock { state in
                state.health.written += statuses.reduce(0) { $0 + $1.written }
                state.health.pending = status.pending
                state.health.dropped = status.droppedTotal
                state.health.error = error
            }
            if stopping {
                if status.pending > 0 {
                    logger.error("\(Self.records(status.pending)) could not be written to the journal before the daemon stopped")
                }
                return
            }
            _ = try? poll.wait(timeoutNanoseconds: status.pending > 0 ? retryNanoseconds : nil)
            notifier.drain()
        }
    }

    /// `1 record`, `3 records`.
    static func records(_ count: Int) -> String {
        "\(count) record\(count == 1 ? "" : "s")"
    }
}
