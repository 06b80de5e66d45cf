import LipTwitchJournal
import LipTwitchLink
import LipTwitchSystem

/// One moment read on both of the host's clocks: the monotonic clock, which times
/// everything the pipeline does, and the wall clock people read. A pipeline turns host
/// times into wall times through it, so the anchor is an input: live use takes it at the
/// start (`WallClockAnchor.now(on:)`), a replay takes the one the capture recorded and gives
/// the same wall times the live run gave.
///
/// The UTC offset is the one in force at the anchor; a session that crosses a change of
/// daylight saving time keeps it (the instant stays right either way).
public struct WallClockAnchor: Sendable, Equatable {
    /// The host monotonic time of the moment.
    public var monotonic: HostTime
    /// The local wall-clock time of the same moment.
    public var wall: LocalTime

    public init(monotonic: HostTime, wall: LocalTime) {
        self.monotonic = monotonic
        self.wall = wall
    }

    /// The anchor now: the monotonic clock and `clock` read back to back.
    public static func now(on clock: JournalClock) -> WallClockAnchor {
        WallClockAnchor(monotonic: HostTime(nanoseconds: MonotonicClock.nanoseconds()), wall: clock.now())
    }

    /// Local wall time at host time `time` (to the millisecond, rounded down).
    public func localTime(at time: HostTime) -> LocalTime {
        let nanoseconds = time.nanoseconds - monotonic.nanoseconds
        let milliseconds = nanoseconds >= 0 ? nanoseconds / 1_000_000 : (nanoseconds - 999_999) / 1_000_000
        return wall.adding(milliseconds: milliseconds)
    }

    /// Seconds from the anchor to host time `time`.
    public func seconds(at time: HostTime) -> Double {
        (time - monotonic).seconds
    }
}
