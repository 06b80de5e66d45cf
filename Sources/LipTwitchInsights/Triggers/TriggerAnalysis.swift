/// Compares, for each note tag, the episode rate in the window after its notes with the
/// rate in the rest of the measured time (docs/REPORT.md, "Triggers").
public enum TriggerAnalysis {
    /// Fewer notes than this, and the tag is not tested.
    public static let minimumNotes = 3
    /// Fewer episodes in all than this, and no tag is tested.
    public static let minimumEpisodes = 5
    /// Less measured time than this on either side (hours), and the tag is not tested.
    public static let minimumHours = 1.0
    /// The smallest effect worth settling: 1.5 times the usual rate (or two thirds of it).
    public static let smallestEffect = 1.5
    /// The level of the test, over all tags together (Holm).
    public static let alpha = 0.05
    /// An effect is claimed only when its interval also lies beyond this ratio (or below its
    /// inverse): a difference of a few per cent, however sure, is not worth changing a habit for.
    public static let worthMentioning = 1.1

    public static func analyze(_ summary: InsightsSummary) -> [TriggerResult] {
        let tallies = summary.tags.values.sorted { ($0.exposures, $1.tag) > ($1.exposures, $0.tag) }
        let counts = tallies.map { measuredCounts(for: $0, in: summary.bins) }
        let testable = tallies.indices.filter { reasonNotTested(tallies[$0], counts[$0]) == nil }
        let adjusted = holm(testable.map { counts[$0].comparison!.pValue })
        let measuredDays = max(1, summary.measuredDays)
        let hoursPerDay = summary.observedHours / Double(measuredDays)
        return tallies.indices.map { index in
            let tally = tallies[index]
            let comparison = counts[index].comparison
            let adjustedP = testable.firstIndex(of: index).map { adjusted[$0] }
            let totalHours = counts[index].exposedHours + counts[index].baselineHours
            var moreData: TriggerResult.MoreData?
            if let comparison, comparison.baselineEpisodes > 0 {
                let observed = comparison.ratio ?? smallestEffect
                let target = observed >= 1 ? max(smallestEffect, observed) : min(1 / smallestEffect, observed)
                if let needed = SampleSizeEstimate.hoursNeeded(
                    baselineRate: comparison.baselineRate, exposedFraction: comparison.exposedHours / totalHours,
                    ratio: target, alpha: alpha / Double(max(1, testable.count))), needed > totalHours
                {
                    let more = needed - totalHours
                    moreData = TriggerResult.MoreData(
                        ratio: target, hours: more, days: Int((more / max(hoursPerDay, 0.1)).rounded(.up)),
                        notes: Int((Double(tally.exposures) / max(totalHours, 1) * more).rounded(.up)))
                }
            }
            let verdict: TriggerResult.Verdict
            if let reason = reasonNotTested(tally, counts[index]) {
                verdict = .notEnoughData(reason)
            } else if let adjustedP, adjustedP < alpha, let interval = comparison?.interval,
                interval.lowerBound > worthMentioning || interval.upperBound < 1 / worthMentioning
            {
                verdict = interval.lowerBound > 1 ? .moreAfter : .fewerAfter
                moreData = nil
            } else if moreData != nil {
                verdict = .notEnoughData("the difference seen could be chance")
            } else {
                verdict = .noClearDifference
            }
            return TriggerResult(
                tag: tally.tag, windowHours: Double(tally.windowMilliseconds) / 3_600_000, notes: tally.exposures,
                fullNights: tally.fullNights, comparison: comparison, adjustedPValue: adjustedP, verdict: verdict,
                moreData: moreData)
        }
    }

    private struct Counts {
        var strata = Array(repeating: RateComparison.Stratum(), count: 24)

        var exposedHours: Double { strata.reduce(0) { $0 + $1.exposedHours } }
        var baselineHours: Double { strata.reduce(0) { $0 + $1.baselineHours } }
        var episodes: Int { strata.reduce(0) { $0 + $1.exposedEpisodes + $1.baselineEpisodes } }

        var comparison: RateComparison? {
            guard exposedHours > 0, baselineHours > 0 else { return nil }
            return RateComparison(strata: strata)
        }
    }

    /// Episodes and measured hours in and out of the tag's windows, per hour of the day.
    private static func measuredCounts(for tally: TagTally, in bins: TimeBins) -> Counts {
        var counts = Counts()
        let binsPerHour = Int(3_600_000 / ReportPeriod.binMilliseconds)
        for bin in 0..<bins.count {
            let seconds = bins.observedSeconds(in: bin)
            guard seconds > 0 else { continue }
            let hour = bin / binsPerHour % 24
            if tally.exposed.contains(bin) {
                counts.strata[hour].exposedEpisodes += bins.episodes(in: bin)
                counts.strata[hour].exposedHours += seconds / 3600
            } else {
                counts.strata[hour].baselineEpisodes += bins.episodes(in: bin)
                counts.strata[hour].baselineHours += seconds / 3600
            }
        }
        return counts
    }

    private static func reasonNotTested(_ tally: TagTally, _ counts: Counts) -> String? {
        if tally.exposures < minimumNotes {
            return "\(tally.exposures) note\(tally.exposures == 1 ? "" : "s") so far, at least \(minimumNotes) needed"
        }
        if counts.exposedHours < minimumHours { return "the sensor was hardly worn after these notes" }
        if counts.baselineHours < minimumHours { return "almost no measured time without #\(tally.tag) to compare with" }
        if counts.episodes < minimumEpisodes { return "too few episodes so far" }
        return nil
    }

    /// Holm's step-down adjustment: the smallest p times the number of tests, the next times
    /// one fewer, and so on, never decreasing.
    static func holm(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = Array(repeating: 1.0, count: pValues.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(pValues.count - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
