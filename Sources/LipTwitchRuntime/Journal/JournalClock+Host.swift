#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal
import LipTwitchSystem

extension LocalZone {
    /// The host's zone: `TZ`, else `/etc/localtime`, as the C library reads them.
    public static let host = LocalZone { WallClock.utcOffsetMinutes(atEpochMilliseconds: $0) }
}

extension JournalClock {
    /// The host's wall clock in the host's zone.
    public static let host = JournalClock(zone: .host) { WallClock.now().epochMilliseconds }

    /// A clock that reads `start` when made and runs on with the host's monotonic clock from
    /// there, in `zone`: a program run "as if" at another moment (`LIPTWITCH_NOW`), with
    /// time passing as usual.
    public static func starting(at start: LocalTime, zone: LocalZone) -> JournalClock {
        let origin = MonotonicClock.nanoseconds()
        return JournalClock(zone: zone) { start.epochMilliseconds + (MonotonicClock.nanoseconds() - origin) / 1_000_000 }
    }
}

extension MonotonicStamp {
    /// The monotonic clock and this boot's id now; nil where the boot has no id.
    public static func now() -> MonotonicStamp? {
        guard let text = WallClock.bootID, let bootID = UUID(uuidString: text) else { return nil }
        return MonotonicStamp(bootID: bootID, nanoseconds: Int(MonotonicClock.nanoseconds()))
    }
}
