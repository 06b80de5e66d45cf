import LipTwitchLink

/// One moment read on both of the host's clocks: the monotonic clock, which times
/// everything the pipeline does, and the wall clock people read. A pipeline turns host
/// times into wall times through it, so the anchor is an input: live use takes it at the
/// start, a replay takes the one the capture recorded and gives the same wall times the
/// live run gave.
///
/// The UTC offset is the one in force at the anchor; a session that crosses a change of
/// daylight saving time keeps it (the journal's readers see the instant right either way).
public struct WallClockAnchor: Sendable, Equatable {
    /// The host monotonic time of the moment.
    public var monotonic: HostTime
    /// The wall-clock time of the same moment: milliseconds since the Unix epoch.
    public var epochMilliseconds: Int64
    /// Local time minus UTC at that moment, in minutes.
    public var utcOffsetMinutes: Int

    public init(monotonic: HostTime, epochMilliseconds: Int64, utcOffsetMinutes: Int) {
        self.monotonic = monotonic
        self.epochMilliseconds = epochMilliseconds
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Milliseconds since the Unix epoch at host time `time` (rounded down).
    public func epochMilliseconds(at time: HostTime) -> Int64 {
        let nanoseconds = time.nanoseconds - monotonic.nanoseconds
        let milliseconds = nanoseconds >= 0 ? nanoseconds / 1_000_000 : (nanoseconds - 999_999) / 1_000_000
        return epochMilliseconds + milliseconds
    }

    /// Seconds from the anchor to host time `time`.
    public func seconds(at time: HostTime) -> Double {
        (time - monotonic).seconds
    }
}
