import LipTwitchJournal
import LipTwitchSystem
import Synchronization

/// The daemon's way to the journal: never blocks the live pipeline on a journal that
/// cannot be written. A record that fails (disk full, read-only, no permission) waits in a
/// bounded backlog with the ones after it, in order; `retry()` (the daemon calls it on a
/// timer) and every later `append` try again. When the backlog overflows the oldest
/// records are dropped, and once writing works again a gap record says how many and when.
///
/// Safe to share between threads and tasks.
public final class JournalWriter: Sendable {
    /// What the writer has done and holds, after a call.
    public struct Status: Sendable {
        /// Records written by this call (a dropped-records gap included).
        public var written: Int
        /// Records waiting for the journal.
        public var pending: Int
        /// Records dropped since the writer started.
        public var droppedTotal: Int
        /// Why the journal could not be written, while it cannot.
        public var error: JournalError?
    }

    private struct State {
        var store: JournalStore
        var backlog: WriteBacklog
        var error: JournalError?
    }

    private let state: Mutex<State>
    private let stamper: RecordStamper

    /// `stamper` makes the gap records that report dropped records.
    public init(store: sending JournalStore, stamper: RecordStamper, backlogCapacity: Int = 10_000) {
        state = Mutex(State(store: store, backlog: WriteBacklog(capacity: backlogCapacity)))
        self.stamper = stamper
    }

    /// Writes `record` after any that are waiting.
    @discardableResult
    public func append(_ record: JournalRecord) -> Status {
        append(EncodedRecord(record))
    }

    /// Writes the line of `record` after any that are waiting.
    @discardableResult
    public func append(_ record: EncodedRecord) -> Status {
        state.withLock { state in
            state.backlog.append(record)
            return flush(&state)
        }
    }

    /// Tries again to write the records that are waiting.
    @discardableResult
    public func retry() -> Status {
        state.withLock { flush(&$0) }
    }

    private func flush(_ state: inout State) -> Status {
        var written = 0
        do throws(JournalError) {
            if let dropped = state.backlog.dropped {
                let gap = GapRecord(
                    reason: .journalUnwritable, start: dropped.first, end: dropped.last, lostRecords: dropped.count)
                try state.store.append(stamper.record(.gap(gap)))
                _ = state.backlog.takeDropped()
                written += 1
            }
            while let record = state.backlog.first {
                try state.store.append(record)
                state.backlog.removeFirst()
                written += 1
            }
            state.error = nil
        } catch {
            state.error = error
        }
        return Status(
            written: written, pending: state.backlog.count, droppedTotal: state.backlog.droppedTotal, error: state.error)
    }
}
