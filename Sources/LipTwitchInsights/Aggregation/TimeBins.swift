/// Per five-minute bin of the period: how many episodes started in it, and how much of it
/// was measured (a sensor connected, minus gaps). Rates are episodes per measured hour, so
/// that "no twitches" and "not worn" are never confused.
public struct TimeBins: Sendable, Equatable {
    public let period: ReportPeriod
    private(set) var episodes: [UInt16]
    /// Milliseconds with a sensor connected, at most a bin's width.
    private var covered: [UInt32]
    /// Milliseconds in gaps (no data), at most a bin's width.
    private var missing: [UInt32]

    init(period: ReportPeriod) {
        self.period = period
        episodes = Array(repeating: 0, count: period.binCount)
        covered = Array(repeating: 0, count: period.binCount)
        missing = Array(repeating: 0, count: period.binCount)
    }

    public var count: Int { episodes.count }

    /// Episodes that started in `bin`.
    public func episodes(in bin: Int) -> Int { Int(episodes[bin]) }

    /// Seconds of `bin` that were measured. A bin with an episode counts as measured even
    /// when no sensor record says so (the episode proves it was).
    public func observedSeconds(in bin: Int) -> Double {
        let width = UInt32(ReportPeriod.binMilliseconds)
        let seen = min(covered[bin], width) - min(missing[bin], min(covered[bin], width))
        if seen == 0, episodes[bin] > 0 { return Double(width) / 1000 }
        return Double(seen) / 1000
    }

    /// True when any sensor record said the sensor was connected in the period.
    public var hasCoverage: Bool { covered.contains { $0 > 0 } }

    mutating func addEpisode(at milliseconds: Int64) {
        let bin = period.bin(ofEpochMilliseconds: milliseconds)
        guard (0..<episodes.count).contains(bin), episodes[bin] < .max else { return }
        episodes[bin] += 1
    }

    mutating func cover(from: Int64, to: Int64) {
        period.forEachBin(from: from, to: to) { bin, milliseconds in
            covered[bin] = min(covered[bin] + UInt32(milliseconds), UInt32(ReportPeriod.binMilliseconds))
        }
    }

    mutating func markMissing(from: Int64, to: Int64) {
        period.forEachBin(from: from, to: to) { bin, milliseconds in
            missing[bin] = min(missing[bin] + UInt32(milliseconds), UInt32(ReportPeriod.binMilliseconds))
        }
    }
}
