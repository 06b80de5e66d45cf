/// The report as plain text for a terminal, readable at a glance: a summary, the red flags
/// first when there are any, a table with sparklines, the hour-of-day pattern, the trend and
/// the triggers.
public enum TerminalRenderer {
    public static func render(_ report: Report) -> String {
        let summary = report.summary
        var lines: [String] = []
        lines.append("LipTwitch report: \(report.periodWords)")
        lines.append("journal \(report.source) · made \(report.generated.civil)")
        lines.append("")
        lines.append("  measured   \(Numbers.measured(hours: summary.observedHours)) on \(summary.measuredDays) of \(summary.days.count) days")
        lines.append(
            "  episodes   \(Numbers.count(summary.episodes))"
                + (summary.tremor.episodes > 0 ? " (\(summary.tremor.episodes) tremor)" : "")
                + " · twitches \(Numbers.count(summary.twitches)) · twitching \(Numbers.duration(summary.twitchingSeconds))")
        let sites = summary.sitesByEpisodes
        if !sites.isEmpty {
            lines.append("  sites      " + sites.map { "\($0.site.words) \(Numbers.count($0.episodes))" }.joined(separator: " · "))
        }
        lines.append("  trend      \(report.trendSentence)")
        lines.append("")
        lines += redFlags(report.redFlags)
        lines.append("")
        lines += table(summary)
        lines.append("")
        lines.append("Hour of day: episodes per measured hour")
        let hourly = (0..<24).map { hour in
            summary.hourObservedSeconds[hour] > 0
                ? Double(summary.hourEpisodes[hour]) / (summary.hourObservedSeconds[hour] / 3600) : nil
        }
        lines.append("  0     6     12    18   23")
        lines.append("  " + Sparkline.line(hourly))
        // A rate from a few minutes is noise: only hours measured long enough are compared.
        let comparable = hourly.indices.filter { summary.hourObservedSeconds[$0] >= Self.comparableHourSeconds }
        if let peak = comparable.max(by: { (hourly[$0] ?? -1) < (hourly[$1] ?? -1) }), let rate = hourly[peak] {
            lines.append("  most in the hour from \(peak):00 (\(Numbers.fixed(rate)) an hour); blank: never measured")
        } else if hourly.contains(where: { $0 != nil }) {
            lines.append("  too little measured yet to compare hours (half an hour in an hour of the day is needed)")
        }
        lines.append("")
        lines += triggers(report.triggers)
        if !report.readingNotes.isEmpty {
            lines.append("")
            lines += report.readingNotes.map { "note: \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Measured time an hour of the day needs before its rate is compared with the others.
    static let comparableHourSeconds = 1800.0

    static func redFlags(_ review: RedFlagReview) -> [String] {
        var lines: [String] = []
        if review.flags.isEmpty {
            lines.append("Red flags: none of the patterns doctors ask about shows in this period.")
        } else {
            lines.append("RED FLAGS: \(review.flags.count) pattern\(review.flags.count == 1 ? "" : "s") doctors ask about")
            for flag in review.flags {
                lines.append("  ! \(flag.kind.title)")
                lines += flag.facts.map { "      \($0)" }
            }
            lines.append("  \(RedFlag.advice)")
        }
        lines += review.notJudged.map { "  not judged: \($0)" }
        return lines
    }

    static func table(_ summary: InsightsSummary) -> [String] {
        let rows = ReportRow.rows(summary.days)
        let width = rows.map(\.label.count).max() ?? 10
        var lines = [
            "Per \(rows.count == summary.days.count ? "day" : "week")",
            "  " + "".padded(width) + "  measured  episodes  twitches   twitching   left  right  notes",
        ]
        for row in rows {
            lines.append(
                "  " + row.label.padded(width) + "  " + Numbers.measuredColumn(hours: row.observedHours).leftPadded(8) + String(row.episodes).leftPadded(10) + String(row.twitches).leftPadded(10)
                    + Numbers.duration(row.twitchingSeconds).leftPadded(12) + String(row.left).leftPadded(7)
                    + String(row.right).leftPadded(7) + "  " + row.tags.map { "#\($0)" }.joined(separator: " "))
        }
        lines.append("  episodes per measured hour: " + Sparkline.line(rows.map(\.rate)))
        return lines
    }

    static func triggers(_ results: [TriggerResult]) -> [String] {
        guard !results.isEmpty else {
            return ["Triggers: no tagged notes in this period; `liptwitch note --tag caffeine` and the like let the "
                    + "report look for what comes before the twitching."]
        }
        var lines = [
            "Triggers: episodes per measured hour in the window after a note, against your other hours",
            "  tag            notes  window       after          rest   ratio (95 % interval)",
        ]
        for result in results {
            var line = "  " + "#\(result.tag)".padded(14) + String(result.notes).leftPadded(6)
                + Numbers.hours(result.windowHours).leftPadded(8)
            if let comparison = result.comparison {
                line += Numbers.fixed(comparison.exposedRate, 2).leftPadded(11) + Numbers.fixed(comparison.baselineRate, 2)
                    .leftPadded(10)
                if let ratio = comparison.ratio {
                    line += "   \(Numbers.ratio(ratio)) (\(Numbers.interval(comparison.interval)))"
                }
            }
            lines.append(line)
            lines.append("      \(result.sentence)")
        }
        return lines
    }
}

extension String {
    /// Padded with spaces on the right to `width`.
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    /// Padded with spaces on the left to `width`.
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
