/// The lines a reader skipped: how many of each kind, and where the first few were, so the
/// person can look at them.
public struct SkipTally: Sendable, Equatable {
    /// How many skipped lines are listed with their place.
    public static let listed = 5

    public private(set) var counts: [SkipReason.Category: Int] = [:]
    public private(set) var examples: [(location: LineLocation, reason: SkipReason)] = []

    public init() {}

    public var total: Int { counts.values.reduce(0, +) }

    public mutating func add(_ reason: SkipReason, at location: LineLocation) {
        counts[reason.category, default: 0] += 1
        if examples.count < Self.listed { examples.append((location, reason)) }
    }

    /// `skipped 3 lines: 2 unreadable, 1 of an unknown type. 2026-11.jsonl:17: not a JSON
    /// object (garbage, or a line cut short by a crash); ...`, or nil when nothing was skipped.
    public var sentence: String? {
        guard total > 0 else { return nil }
        let parts = SkipReason.Category.allCases.compactMap { category in
            counts[category].map { "\($0) \(category.rawValue)" }
        }
        let places = examples.map { "\($0.location): \($0.reason)" }.joined(separator: "; ")
        let more = total > examples.count ? "; and \(total - examples.count) more" : ""
        return "skipped \(total) line\(total == 1 ? "" : "s"): \(parts.joined(separator: ", ")). \(places)\(more)"
    }

    public static func == (lhs: SkipTally, rhs: SkipTally) -> Bool {
        lhs.counts == rhs.counts && lhs.examples.elementsEqual(rhs.examples) { $0 == $1 }
    }
}
