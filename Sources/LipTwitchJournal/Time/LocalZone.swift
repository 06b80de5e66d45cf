/// A time zone as the journal needs one: the UTC offset in force at any instant. The host's
/// zone (`TZ` or `/etc/localtime`) is one; tests pass a fixed or a named zone, so nothing
/// they check depends on where the machine that runs them is.
public struct LocalZone: Sendable {
    private let offset: @Sendable (Int64) -> Int

    /// `utcOffsetMinutes` gives the offset (minutes, within `LocalTime.offsetRange`) at an
    /// instant (milliseconds since the epoch).
    public init(utcOffsetMinutes: @escaping @Sendable (_ epochMilliseconds: Int64) -> Int) {
        offset = utcOffsetMinutes
    }

    /// A zone that never changes its offset: `+01:00` is `fixed(minutes: 60)`.
    public static func fixed(minutes: Int) -> LocalZone {
        LocalZone { _ in minutes }
    }

    /// The offset from UTC, in minutes, at an instant.
    public func utcOffsetMinutes(at epochMilliseconds: Int64) -> Int {
        offset(epochMilliseconds)
    }

    /// The instant `epochMilliseconds` as this zone's clock shows it.
    public func localTime(at epochMilliseconds: Int64) -> LocalTime {
        LocalTime(epochMilliseconds: epochMilliseconds, utcOffsetMinutes: utcOffsetMinutes(at: epochMilliseconds))
    }
}
