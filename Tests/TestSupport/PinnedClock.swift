import Foundation
import LipTwitchJournal
import Synchronization

/// The date the tests live on, whatever day and zone they run in: a Saturday afternoon in
/// Berlin, far from any change of month or of daylight saving time.
public enum PinnedClock {
    /// 2026-11-21T14:05:00+01:00.
    public static let moment = "2026-11-21T14:05:00+01:00"
    /// The tests' zone.
    public static let zoneName = "Europe/Berlin"

    /// A clock stopped at `moment` (RFC 3339) in the zone named `zone`.
    public static func at(_ moment: String = moment, zone: String = zoneName) -> JournalClock {
        JournalClock.fixed(LocalTime(rfc3339: moment)!, zone: .named(zone))
    }

    /// What a `liptwitch` process the tests start runs with: the same moment, from which
    /// its clock runs on (`LIPTWITCH_NOW`), in the same zone. Merged under a test's own
    /// variables, so a test that sets `TZ` or `LIPTWITCH_NOW` itself wins.
    public static let environment = ["LIPTWITCH_NOW": moment, "TZ": zoneName]

    /// The environment for a child process: this process's, then `environment`, then the
    /// test's own `changes` (a nil value removes a variable).
    public static func processEnvironment(_ changes: [String: String?] = [:]) -> [String: String] {
        var merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        for (name, value) in changes { merged[name] = value }
        return merged
    }
}

extension LocalZone {
    /// A zone of the tz database by name (`Europe/Berlin`), read by Foundation whatever the
    /// process's `TZ` says.
    public static func named(_ identifier: String) -> LocalZone {
        guard let zone = TimeZone(identifier: identifier) else { fatalError("no time zone named \(identifier)") }
        return LocalZone { milliseconds in
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(milliseconds) / 1000)) / 60
        }
    }
}

/// A clock a test sets and moves by hand, for a writer that runs across midnight or a
/// change of daylight saving time.
public final class ManualClock: Sendable {
    private let milliseconds: Mutex<Int64>
    public let zone: LocalZone

    /// Starts at `moment` (RFC 3339) in the zone named `zone`.
    public init(_ moment: String, zone: String = PinnedClock.zoneName) {
        milliseconds = Mutex(LocalTime(rfc3339: moment)!.epochMilliseconds)
        self.zone = .named(zone)
    }

    /// The clock to hand to the code under test.
    public var clock: JournalClock {
        JournalClock(zone: zone) { [self] in milliseconds.withLock { $0 } }
    }

    /// Sets the clock to `moment` (RFC 3339).
    public func set(_ moment: String) {
        let instant = LocalTime(rfc3339: moment)!.epochMilliseconds
        milliseconds.withLock { $0 = instant }
    }

    /// Moves the clock on by `seconds`.
    public func advance(seconds: Double) {
        milliseconds.withLock { $0 += Int64(seconds * 1000) }
    }
}
