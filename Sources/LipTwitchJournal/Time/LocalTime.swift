/// A moment as the wall clock where it happened showed it: an instant (milliseconds since
/// the Unix epoch) and the UTC offset in force there and then, in minutes.
///
/// The journal keeps the offset because people live in local time: "after lunch", "the
/// third coffee", "a bad night" are time-of-day patterns that only show in local time,
/// even after a trip or a change to daylight saving time. Written as RFC 3339,
/// `2026-11-21T14:05:03.250+01:00`.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var epochMilliseconds: Int64
    /// Local time minus UTC, in minutes: +60 in Paris in winter, -300 in New York.
    public var utcOffsetMinutes: Int

    /// RFC 3339 offsets have at most two digits of hours.
    public static let offsetRange = -(23 * 60 + 59)...(23 * 60 + 59)

    public init(epochMilliseconds: Int64, utcOffsetMinutes: Int) {
        precondition(Self.offsetRange.contains(utcOffsetMinutes), "UTC offset out of range")
        self.epochMilliseconds = epochMilliseconds
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The moment a clock at `utcOffsetMinutes` shows `civil`.
    public init(civil: CivilDateTime, utcOffsetMinutes: Int) {
        self.init(
            epochMilliseconds: civil.millisecondsSinceEpoch - Int64(utcOffsetMinutes) * 60_000,
            utcOffsetMinutes: utcOffsetMinutes)
    }

    /// What the local wall clock showed.
    public var civil: CivilDateTime {
        CivilDateTime(millisecondsSinceEpoch: epochMilliseconds + Int64(utcOffsetMinutes) * 60_000)
    }

    /// The same offset, `milliseconds` later.
    public func adding(milliseconds: Int64) -> LocalTime {
        LocalTime(epochMilliseconds: epochMilliseconds + milliseconds, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// Seconds from `earlier` to this moment.
    public func seconds(since earlier: LocalTime) -> Double {
        Double(epochMilliseconds - earlier.epochMilliseconds) / 1000
    }

    public var description: String { rfc3339 }

    /// Ordered by instant; the same instant at different offsets is ordered by offset.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.epochMilliseconds, lhs.utcOffsetMinutes) < (rhs.epochMilliseconds, rhs.utcOffsetMinutes)
    }
}
