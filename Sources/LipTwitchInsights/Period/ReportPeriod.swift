import LipTwitchJournal

/// The stretch of time a report covers: whole local days, from midnight of the day `since`
/// falls on up to `until` (exclusive, usually now), cut into five-minute bins for the
/// counts that need finer time than a day (trigger windows, persistent twitching).
public struct ReportPeriod: Sendable, Equatable {
    /// The width of one bin.
    public static let binMilliseconds: Int64 = 300_000

    /// Midnight (local) of the first day.
    public let start: LocalTime
    /// Exclusive.
    public let end: LocalTime
    public let firstDay: CivilDate
    public let lastDay: CivilDate

    /// `until` must be after `since`.
    public init(since: LocalTime, until: LocalTime) {
        precondition(until > since, "a report period must end after it starts")
        firstDay = since.civil.date
        start = LocalTime(
            civil: CivilDateTime(date: firstDay, hour: 0, minute: 0)!, utcOffsetMinutes: since.utcOffsetMinutes)
        end = until
        lastDay = until.adding(milliseconds: -1).civil.date
    }

    public var dayCount: Int { Int(lastDay.daysSinceEpoch - firstDay.daysSinceEpoch) + 1 }

    public var binCount: Int {
        Int((end.epochMilliseconds - start.epochMilliseconds + Self.binMilliseconds - 1) / Self.binMilliseconds)
    }

    /// Hours from start to end.
    public var hours: Double { end.seconds(since: start) / 3600 }

    public func contains(_ time: LocalTime) -> Bool {
        time.epochMilliseconds >= start.epochMilliseconds && time.epochMilliseconds < end.epochMilliseconds
    }

    /// The index of the local day `time` falls on, or nil outside the period.
    public func day(of time: LocalTime) -> Int? {
        day(of: time.civil.date)
    }

    /// The index of local day `date`, or nil outside the period.
    public func day(of date: CivilDate) -> Int? {
        let index = Int(date.daysSinceEpoch - firstDay.daysSinceEpoch)
        return (0..<dayCount).contains(index) ? index : nil
    }

    /// The date of day `index`.
    public func date(ofDay index: Int) -> CivilDate {
        firstDay.adding(days: index)
    }

    /// The bin an instant (milliseconds since the epoch) falls in; negative before the
    /// start, `binCount` or more after the end.
    public func bin(ofEpochMilliseconds milliseconds: Int64) -> Int {
        let offset = milliseconds - start.epochMilliseconds
        return Int(offset >= 0 ? offset / Self.binMilliseconds : (offset - Self.binMilliseconds + 1) / Self.binMilliseconds)
    }

    /// Calls `body` with each bin that `from..<to` (milliseconds since the epoch) overlaps
    /// inside the period, and the milliseconds of the overlap.
    public func forEachBin(from: Int64, to: Int64, _ body: (_ bin: Int, _ milliseconds: Int64) -> Void) {
        let lower = max(from, start.epochMilliseconds)
        let upper = min(to, end.epochMilliseconds)
        guard upper > lower else { return }
        var bin = bin(ofEpochMilliseconds: lower)
        var cursor = lower
        while cursor < upper {
            let binEnd = start.epochMilliseconds + Int64(bin + 1) * Self.binMilliseconds
            let stop = min(binEnd, upper)
            body(bin, stop - cursor)
            cursor = stop
            bin += 1
        }
    }
}
