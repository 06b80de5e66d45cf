/// A date and a time of day to the millisecond, with no time zone: what a wall clock shows.
/// `LocalTime` pins it to an instant with a UTC offset.
public struct CivilDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CivilDate
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let millisecond: Int

    /// Nil when a field is out of range. A leap second (`:60`) is accepted and counts as
    /// the first second of the next minute.
    public init?(date: CivilDate, hour: Int, minute: Int, second: Int = 0, millisecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (0...999).contains(millisecond)
        else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// The wall-clock reading `milliseconds` after 1970-01-01 00:00:00.000.
    init(millisecondsSinceEpoch milliseconds: Int64) {
        let (days, withinDay) = Self.floorDivision(milliseconds, 86_400_000)
        date = CivilDate(daysSinceEpoch: days)
        hour = Int(withinDay / 3_600_000)
        minute = Int(withinDay / 60_000 % 60)
        second = Int(withinDay / 1000 % 60)
        millisecond = Int(withinDay % 1000)
    }

    /// Milliseconds since 1970-01-01 00:00:00.000 of the same calendar, as if this were UTC.
    var millisecondsSinceEpoch: Int64 {
        date.daysSinceEpoch * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000
            + Int64(second) * 1000 + Int64(millisecond)
    }

    /// `2026-11-21 14:05:03`.
    public var description: String {
        "\(date) \(CivilDate.digits(hour, 2)):\(CivilDate.digits(minute, 2)):\(CivilDate.digits(second, 2))"
    }

    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The instants at which a clock in a zone with these offsets shows this reading:
    /// none in a gap (clocks jumped forward over it), two when clocks went back over it,
    /// else one; earliest first. `offsetAt` gives the zone's UTC offset in minutes at an
    /// instant (milliseconds since the epoch); transitions are assumed to be more than two
    /// days apart, as they are in every real zone.
    public func instants(offsetAt: (Int64) -> Int) -> [LocalTime] {
        let asUTC = millisecondsSinceEpoch
        let day: Int64 = 86_400_000
        var found: [LocalTime] = []
        for offset in [offsetAt(asUTC - day), offsetAt(asUTC), offsetAt(asUTC + day)] {
            let instant = asUTC - Int64(offset) * 60_000
            if offsetAt(instant) == offset, !found.contains(where: { $0.epochMilliseconds == instant }) {
                found.append(LocalTime(epochMilliseconds: instant, utcOffsetMinutes: offset))
            }
        }
        return found.sorted()
    }

    static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}
