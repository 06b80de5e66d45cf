import LipTwitchJournal

/// DOMAIN.md's red flags as rules over a summary, each with its threshold
/// (docs/REPORT.md, "Red flags").
public enum RedFlagRules {
    /// "More than two weeks": a stretch this many days long...
    public static let stretchDays = 15
    /// ...with twitching on at least this many of its days, and on more than half of the
    /// days measured in it.
    public static let twitchDaysInStretch = 8
    /// Episodes less than this far apart (minutes) belong to one run of twitching.
    public static let runGapMinutes = 60
    /// A run longer than this (hours) persists.
    public static let persistentHours = 24.0
    /// A rate (or cluster size) that rose by at least this factor over the period, beyond chance.
    public static let risingFactor = 1.5
    /// Trends need this many days with measurements.
    public static let trendDays = 14
    /// One-sided: at least this share of the episodes on one side...
    public static let oneSidedShare = 0.9
    /// ...of at least this many episodes on at least `oneSidedDays` days.
    public static let oneSidedEpisodes = 20
    public static let oneSidedDays = 7
    /// New sites: twitching at a site only in the last this many days...
    public static let recentDays = 7
    /// ...after at least this many days of twitching elsewhere.
    public static let earlierTwitchDays = 7

    public static func review(
        _ summary: InsightsSummary, episodeTrend: PoissonTrend?, clusterTrend: PoissonTrend?
    ) -> RedFlagReview {
        var notJudged: [String] = []
        let flags = [
            mostDays(summary),
            lastingOverADay(summary),
            rising(.intensifying, episodeTrend, summary, what: "episodes per measured hour"),
            rising(.growingClusters, clusterTrend, summary, what: "twitches in an episode's largest cluster"),
            spreading(summary),
            oneSided(summary, notJudged: &notJudged),
            tremor(summary),
            symptoms(summary),
        ].compactMap { $0 }
        return RedFlagReview(flags: flags, notJudged: notJudged)
    }

    static func mostDays(_ summary: InsightsSummary) -> RedFlag? {
        let days = summary.days
        guard days.count >= stretchDays else { return nil }
        var first: Int?
        var last = 0
        for start in 0...(days.count - stretchDays) {
            let stretch = days[start..<(start + stretchDays)]
            let twitching = stretch.filter { $0.episodes > 0 }.count
            let measured = stretch.filter(\.isMeasured).count
            if twitching >= twitchDaysInStretch, twitching * 2 > measured {
                first = first ?? start
                last = start + stretchDays - 1
            }
        }
        guard let first, let firstTwitch = (first...last).first(where: { days[$0].episodes > 0 }),
            let lastTwitch = (first...last).last(where: { days[$0].episodes > 0 }), lastTwitch - firstTwitch >= 14
        else { return nil }
        let span = days[firstTwitch...lastTwitch]
        return RedFlag(
            kind: .mostDaysForTwoWeeks,
            facts: [
                "twitching recorded on \(span.filter { $0.episodes > 0 }.count) of the "
                    + "\(span.filter(\.isMeasured).count) measured days from \(days[firstTwitch].date) to "
                    + "\(days[lastTwitch].date) (\(lastTwitch - firstTwitch + 1) days)"
            ])
    }

    static func lastingOverADay(_ summary: InsightsSummary) -> RedFlag? {
        let bins = summary.bins
        let gap = runGapMinutes * 60_000 / Int(ReportPeriod.binMilliseconds)
        var longest: (start: Int, end: Int, episodes: Int)?
        var run: (start: Int, end: Int, episodes: Int)?
        for bin in 0..<bins.count where bins.episodes(in: bin) > 0 {
            if let current = run, bin - current.end <= gap {
                run = (current.start, bin, current.episodes + bins.episodes(in: bin))
            } else {
                run = (bin, bin, bins.episodes(in: bin))
            }
            if let current = run, current.end - current.start > (longest.map { $0.end - $0.start } ?? -1) {
                longest = current
            }
        }
        guard let longest else { return nil }
        let hours = Double(longest.end + 1 - longest.start) * Double(ReportPeriod.binMilliseconds) / 3_600_000
        guard hours > persistentHours else { return nil }
        let start = summary.period.start.adding(milliseconds: Int64(longest.start) * ReportPeriod.binMilliseconds)
        let end = summary.period.start.adding(milliseconds: Int64(longest.end + 1) * ReportPeriod.binMilliseconds)
        return RedFlag(
            kind: .lastingOverADay,
            facts: [
                "\(longest.episodes) episodes, never more than \(runGapMinutes) minutes apart, from \(start.civil) "
                    + "to \(end.civil) (about \(Numbers.fixed(hours, 0)) hours)"
            ])
    }

    static func rising(_ kind: RedFlag.Kind, _ trend: PoissonTrend?, _ summary: InsightsSummary, what: String)
        -> RedFlag?
    {
        guard let trend, trend.points >= trendDays, trend.direction == .rising,
            trend.fittedLastRate >= risingFactor * trend.fittedFirstRate
        else { return nil }
        let interval = trend.weeklyChangeInterval
        return RedFlag(
            kind: kind,
            facts: [
                "\(what) rose from about \(Numbers.fixed(trend.fittedFirstRate, 2)) to "
                    + "\(Numbers.fixed(trend.fittedLastRate, 2)) over \(trend.points) measured days "
                    + "(\(Numbers.change(trend.weeklyChange)) a week; 95 % interval \(Numbers.change(interval.lowerBound)) "
                    + "to \(Numbers.change(interval.upperBound)))"
            ])
    }

    static func spreading(_ summary: InsightsSummary) -> RedFlag? {
        var facts: [String] = []
        let sites = summary.placements.values.sorted { $0.site.placement < $1.site.placement }
        for tally in sites where tally.site.region.isBeyondLip {
            facts.append(
                "\(tally.episodes) episode\(tally.episodes == 1 ? "" : "s") at the \(tally.site.words), from "
                    + "\(summary.period.date(ofDay: tally.firstDay)) to \(summary.period.date(ofDay: tally.lastDay))")
        }
        let recentStart = summary.days.count - recentDays
        let earlierTwitchDays = summary.days.prefix(max(0, recentStart)).filter { $0.episodes > 0 }.count
        if recentStart > 0, earlierTwitchDays >= Self.earlierTwitchDays {
            for tally in sites where !tally.site.region.isBeyondLip && tally.firstDay >= recentStart {
                guard let since = summary.measuredSites[tally.site.placement], since < recentStart else { continue }
                facts.append(
                    "twitching at the \(tally.site.words) since \(summary.period.date(ofDay: tally.firstDay)), where a "
                        + "sensor had been since \(summary.period.date(ofDay: since)) without any; twitching elsewhere "
                        + "on \(earlierTwitchDays) days before")
            }
        }
        return facts.isEmpty ? nil : RedFlag(kind: .spreading, facts: facts)
    }

    static func oneSided(_ summary: InsightsSummary, notJudged: inout [String]) -> RedFlag? {
        let left = summary.episodes(on: .left)
        let right = summary.episodes(on: .right)
        let days = summary.days.filter { $0.episodes(on: .left) + $0.episodes(on: .right) > 0 }.count
        guard left + right >= oneSidedEpisodes, days >= oneSidedDays else { return nil }
        let sides = summary.measuredSides
        guard sides.contains(.left), sides.contains(.right) else {
            let side = sides.contains(.left) ? "left" : "right"
            notJudged.append(
                "only the \(side) side was measured, so whether the twitching is one-sided cannot be told; "
                    + "wear a sensor on each side to tell")
            return nil
        }
        let (side, count) = left >= right ? ("left", left) : ("right", right)
        let share = Double(count) / Double(left + right)
        guard share >= oneSidedShare else { return nil }
        return RedFlag(
            kind: .oneSided,
            facts: [
                "\(count) of \(left + right) episodes (\(Numbers.fixed(share * 100, 0)) %) on the \(side) side, over "
                    + "\(days) days, with sensors on both sides"
            ])
    }

    static func tremor(_ summary: InsightsSummary) -> RedFlag? {
        let tremor = summary.tremor
        guard tremor.episodes > 0, let first = tremor.first, let last = tremor.last else { return nil }
        let frequency = tremor.lowestHz == tremor.highestHz
            ? "\(Numbers.fixed(tremor.lowestHz, 1)) Hz"
            : "\(Numbers.fixed(tremor.lowestHz, 1)) to \(Numbers.fixed(tremor.highestHz, 1)) Hz"
        return RedFlag(
            kind: .rhythmicTremor,
            facts: [
                "\(tremor.episodes) tremor episode\(tremor.episodes == 1 ? "" : "s") on \(tremor.days.count) "
                    + "day\(tremor.days.count == 1 ? "" : "s") (\(frequency), the longest "
                    + "\(Numbers.fixed(tremor.longestSeconds, 1)) s), first \(first.civil), last \(last.civil)"
            ])
    }

    static func symptoms(_ summary: InsightsSummary) -> RedFlag? {
        guard summary.symptomNoteCount > 0 else { return nil }
        var facts = summary.symptomNotes.map { note in
            let tags = note.tags.filter(SymptomNote.tags.contains).map { "#\($0)" }.joined(separator: " ")
            return "\(note.at.civil) \(tags)" + (note.text.isEmpty ? "" : ": “\(note.text)”")
        }
        if summary.symptomNoteCount > summary.symptomNotes.count {
            facts.append("and \(summary.symptomNoteCount - summary.symptomNotes.count) more such notes")
        }
        return RedFlag(kind: .notedSymptoms, facts: facts)
    }
}
