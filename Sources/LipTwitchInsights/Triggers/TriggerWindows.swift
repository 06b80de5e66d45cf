/// How long after a note of each tag its effect is looked for (docs/REPORT.md,
/// "Triggers"). The defaults follow what each trigger does: caffeine acts within the hour
/// and wears off over a few; a short night shows the next day; alcohol and medication
/// later and longer.
public struct TriggerWindows: Sendable, Equatable {
    public static let defaults: [String: Double] = [
        "caffeine": 3, "alcohol": 12, "sleep": 16, "stress": 3, "dehydration": 6, "meal": 3,
        "medication": 24, "dental": 24, "screen": 3, "exercise": 3,
    ]
    /// For tags of the person's own.
    public static let defaultHours = 3.0
    /// The longest a window may be.
    public static let maximumHours = 72.0

    public private(set) var hours: [String: Double]

    /// The defaults, with `overrides` (tag → hours) on top.
    public init(overrides: [String: Double] = [:]) {
        hours = Self.defaults.merging(overrides) { $1 }
    }

    public func hours(for tag: String) -> Double { hours[tag] ?? Self.defaultHours }

    public func milliseconds(for tag: String) -> Int64 { Int64(hours(for: tag) * 3_600_000) }

    /// The longest window of any tag, so a reader knows how far before the period to look.
    public var longestMilliseconds: Int64 { Int64((hours.values.max() ?? Self.defaultHours) * 3_600_000) }
}
