/// Which records a reader hands out: kinds, and a window of event time (`eventTime`:
/// an episode's start, the moment a note is about); and how much of each it decodes.
public struct RecordFilter: Sendable, Equatable {
    public var kinds: RecordKinds
    /// Inclusive.
    public var since: LocalTime?
    /// Exclusive.
    public var until: LocalTime?
    public var detail: RecordDetail

    public init(
        kinds: RecordKinds = .all, since: LocalTime? = nil, until: LocalTime? = nil, detail: RecordDetail = .full
    ) {
        self.kinds = kinds
        self.since = since
        self.until = until
        self.detail = detail
    }

    public func includes(_ record: JournalRecord) -> Bool {
        if !kinds.contains(record.kind) { return false }
        let time = record.eventTime.epochMilliseconds
        if let since, time < since.epochMilliseconds { return false }
        if let until, time >= until.epochMilliseconds { return false }
        return true
    }

    /// False when no record in `month`'s file can pass `since`: records are written after
    /// what they describe, so a file whose month ended (with a day to spare for offsets)
    /// before `since` holds only earlier events.
    public func mayInclude(_ month: JournalMonth) -> Bool {
        guard let since else { return true }
        let lastDay = month.firstDay.adding(days: CivilDate.daysIn(month: month.month, year: month.year))
        let bound = lastDay.adding(days: 1).daysSinceEpoch * 86_400_000
        return bound >= since.epochMilliseconds
    }
}
