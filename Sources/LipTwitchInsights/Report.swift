import LipTwitchJournal

/// A finished report: the summary of the period and what follows from it (trends,
/// triggers, red flags). Every rendering (terminal, HTML) is a function of this value.
public struct Report: Sendable {
    public let summary: InsightsSummary
    /// Episodes per measured hour, day by day.
    public let episodeTrend: PoissonTrend?
    /// Twitches in an episode's largest cluster, day by day (all its twitches for episodes
    /// recorded before the journal said clusters).
    public let clusterTrend: PoissonTrend?
    public let triggers: [TriggerResult]
    public let redFlags: RedFlagReview
    /// When the report was made.
    public let generated: LocalTime
    /// Where its data came from (the journal directory), for the heading.
    public let source: String
    /// Sentences about the reading (lines skipped, records retracted), or none.
    public let readingNotes: [String]

    public init(summary: InsightsSummary, generated: LocalTime, source: String, readingNotes: [String] = []) {
        self.summary = summary
        self.generated = generated
        self.source = source
        self.readingNotes = readingNotes
        episodeTrend = PoissonTrend(
            summary.days.enumerated().map { index, day in
                PoissonTrend.Point(day: Double(index), count: Double(day.episodes), exposure: day.observedHours)
            })
        clusterTrend = PoissonTrend(
            summary.days.enumerated().map { index, day in
                PoissonTrend.Point(
                    day: Double(index), count: Double(day.clusterTwitches), exposure: Double(day.episodes))
            })
        triggers = TriggerAnalysis.analyze(summary)
        redFlags = RedFlagRules.review(summary, episodeTrend: episodeTrend, clusterTrend: clusterTrend)
    }

    /// The period in words: `2026-11-08 to 2026-11-21 (14 days)`.
    public var periodWords: String {
        let period = summary.period
        return "\(period.firstDay) to \(period.lastDay) (\(period.dayCount) day\(period.dayCount == 1 ? "" : "s"))"
    }

    /// The trend in one sentence, or why there is none.
    public var trendSentence: String {
        guard let trend = episodeTrend, trend.points >= 7 else {
            return "not enough measured days yet for a trend (7 needed)"
        }
        let interval = trend.weeklyChangeInterval
        let words: String
        switch trend.direction {
        case .rising: words = "rising"
        case .falling: words = "falling"
        case .steady: words = "no clear change"
        }
        return "\(words): \(Numbers.change(trend.weeklyChange)) a week in episodes per measured hour (95 % interval "
            + "\(Numbers.change(interval.lowerBound)) to \(Numbers.change(interval.upperBound)), \(trend.points) "
            + "measured days)"
    }
}
