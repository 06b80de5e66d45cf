import DequeModule

/// Records waiting to be written while the journal cannot be (disk full, read-only, no
/// permission): kept in order, up to a limit; past it the oldest are dropped and counted,
/// so the writer can say what was lost, with a gap record, once writing works again.
public struct WriteBacklog: Sendable {
    /// What was dropped since the journal last accepted a write.
    public struct Dropped: Sendable, Equatable {
        public var count: Int
        /// Event times of the first and last record dropped.
        public var first: LocalTime
        public var last: LocalTime
    }

    public let capacity: Int
    private var pending: Deque<EncodedRecord> = []
    public private(set) var dropped: Dropped?
    /// Everything dropped since this backlog was made.
    public private(set) var droppedTotal = 0

    public init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    public var count: Int { pending.count }

    /// Queues `record`; when the backlog is full the oldest record goes, counted in
    /// `dropped`.
    public mutating func append(_ record: EncodedRecord) {
        if pending.count == capacity, let oldest = pending.popFirst()?.record {
            droppedTotal += 1
            if var current = dropped {
                current.count += 1
                current.last = oldest.eventTime
                dropped = current
            } else {
                dropped = Dropped(count: 1, first: oldest.eventTime, last: oldest.eventTime)
            }
        }
        pending.append(record)
    }

    /// The oldest record, which is written next.
    public var first: EncodedRecord? { pending.first }

    /// Removes the oldest record, once it is written.
    public mutating func removeFirst() {
        _ = pending.popFirst()
    }

    /// Hands out the drop report and forgets it, once it is written as a gap record.
    public mutating func takeDropped() -> Dropped? {
        defer { dropped = nil }
        return dropped
    }
}
