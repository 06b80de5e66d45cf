#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal
import LipTwitchSystem

/// The host's clocks in the journal's terms: local time with its offset, the zone's offset
/// at any instant, and the monotonic stamp a record carries.
public enum JournalClock {
    public static func now() -> LocalTime {
        let now = WallClock.now()
        return LocalTime(epochMilliseconds: now.epochMilliseconds, utcOffsetMinutes: now.utcOffsetMinutes)
    }

    /// The local zone's UTC offset (minutes) at an instant (milliseconds since the epoch).
    public static func offsetAt(_ epochMilliseconds: Int64) -> Int {
        WallClock.utcOffsetMinutes(atEpochMilliseconds: epochMilliseconds)
    }

    /// The monotonic clock and this boot's id; nil where the boot has no id.
    public static func stamp() -> MonotonicStamp? {
        guard let text = WallClock.bootID, let bootID = UUID(uuidString: text) else { return nil }
        return MonotonicStamp(bootID: bootID, nanoseconds: Int(MonotonicClock.nanoseconds()))
    }

    /// Resolves a time typed on the command line against now and the local zone.
    public static func resolve(_ expression: TimeExpression) throws(TimeExpressionError) -> LocalTime {
        try expression.resolve(now: now(), offsetAt: offsetAt)
    }
}
