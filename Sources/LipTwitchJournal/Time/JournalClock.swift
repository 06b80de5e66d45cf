/// Where LipTwitch reads the date: a wall clock and a zone, handed in like any other input.
/// Everything that stamps a record, resolves `--since 2d` or names a month file reads the
/// time through one of these, never from the host directly: production passes
/// `JournalClock.host` in one place (the `liptwitch` command), tests pass a fixed clock,
/// so no test depends on the day, the month or the zone it runs in.
public struct JournalClock: Sendable {
    /// The zone that gives every time read from this clock its UTC offset.
    public let zone: LocalZone
    private let reading: @Sendable () -> Int64

    /// `epochMilliseconds` reads the time now, in milliseconds since the epoch.
    public init(zone: LocalZone, epochMilliseconds: @escaping @Sendable () -> Int64) {
        self.zone = zone
        reading = epochMilliseconds
    }

    /// A clock that always reads `time`, in `zone` (by default a fixed zone at `time`'s offset).
    public static func fixed(_ time: LocalTime, zone: LocalZone? = nil) -> JournalClock {
        let instant = time.epochMilliseconds
        return JournalClock(zone: zone ?? .fixed(minutes: time.utcOffsetMinutes)) { instant }
    }

    /// Now, with the zone's offset now.
    public func now() -> LocalTime {
        zone.localTime(at: reading())
    }

    /// Resolves a time typed on the command line against now and the zone.
    public func resolve(_ expression: TimeExpression) throws(TimeExpressionError) -> LocalTime {
        try expression.resolve(now: now(), offsetAt: zone.utcOffsetMinutes(at:))
    }
}
