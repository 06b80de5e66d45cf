/// The report as one self-contained HTML file: inline CSS and SVG, no script, no network,
/// laid out to print on A4 (docs/REPORT.md, "HTML").
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String {
        let summary = report.summary
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>LipTwitch report \(report.summary.period.firstDay) to \(report.summary.period.lastDay)</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>LipTwitch report</h1>
            <p class="meta">\(e(report.periodWords)) · journal \(e(report.source)) · made \(report.generated.civil)</p>
            <dl class="facts">
            <dt>Measured</dt><dd>\(Numbers.measured(hours: summary.observedHours)) on \(summary.measuredDays) of \(summary.days.count) days</dd>
            <dt>Episodes</dt><dd>\(Numbers.count(summary.episodes))\(summary.tremor.episodes > 0 ? " (\(summary.tremor.episodes) tremor)" : "")</dd>
            <dt>Twitches</dt><dd>\(Numbers.count(summary.twitches)), \(Numbers.duration(summary.twitchingSeconds)) in all</dd>
            <dt>Sites</dt><dd>\(e(sites(summary)))</dd>
            <dt>Trend</dt><dd>\(e(report.trendSentence))</dd>
            </dl>

            """
        html += redFlags(report.redFlags)
        html += "<section><h2>Day by day</h2>\n<p class=\"legend\">Bars: episodes per day; grey: not measured; "
            + "▼ a note (tags above).</p>\n" + SVGCharts.dailySeries(summary.days) + "\n</section>\n"
        html += "<section><h2>Day and hour</h2>\n<p class=\"legend\">Darker: more episodes in that hour.</p>\n"
            + SVGCharts.heatMap(summary) + "\n</section>\n"
        html += "<section><h2>Hour of day</h2>\n<p class=\"legend\">Episodes per measured hour.</p>\n"
            + SVGCharts.hourOfDay(summary) + "\n</section>\n"
        html += triggers(report.triggers)
        html += table(summary)
        if !report.readingNotes.isEmpty {
            html += "<section><h2>Reading the journal</h2><ul>"
                + report.readingNotes.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>\n"
        }
        html += "<footer>Made by LipTwitch on this computer from your journal; nothing was sent anywhere. "
            + "docs/REPORT.md explains every number.</footer>\n</body>\n</html>\n"
        return html
    }

    private static func redFlags(_ review: RedFlagReview) -> String {
        var html = "<section class=\"flags\"><h2>Red flags</h2>\n"
        if review.flags.isEmpty {
            html += "<p>None of the patterns doctors ask about shows in this period.</p>\n"
        } else {
            html += "<div class=\"alert\"><ul>"
            for flag in review.flags {
                html += "<li><strong>\(e(flag.kind.title))</strong><ul>"
                    + flag.facts.map { "<li>\(e($0))</li>" }.joined() + "</ul></li>"
            }
            html += "</ul><p class=\"advice\">\(e(RedFlag.advice))</p></div>\n"
        }
        html += review.notJudged.map { "<p class=\"legend\">Not judged: \(e($0)).</p>\n" }.joined()
        return html + "</section>\n"
    }

    private static func triggers(_ results: [TriggerResult]) -> String {
        var html = "<section><h2>Triggers</h2>\n"
        guard !results.isEmpty else {
            return html + "<p>No tagged notes in this period: <code>liptwitch note --tag caffeine</code> and the like "
                + "let the report look for what comes before the twitching.</p></section>\n"
        }
        html += "<p class=\"legend\">Episodes per measured hour in the window after a note, against your other hours "
            + "(compared hour of day by hour of day).</p>\n<table><thead><tr><th>tag</th><th>notes</th><th>window</th>"
            + "<th>after</th><th>rest</th><th>ratio (95 % interval)</th><th>what it shows</th></tr></thead><tbody>\n"
        for result in results {
            let comparison = result.comparison
            html += "<tr><td>#\(e(result.tag))</td><td class=\"n\">\(result.notes)</td>"
                + "<td class=\"n\">\(Numbers.hours(result.windowHours))</td>"
                + "<td class=\"n\">\(comparison.map { "\($0.exposedEpisodes) in \(Numbers.fixed($0.exposedHours)) h" } ?? "–")</td>"
                + "<td class=\"n\">\(comparison.map { "\($0.baselineEpisodes) in \(Numbers.fixed($0.baselineHours)) h" } ?? "–")</td>"
                + "<td class=\"n\">\(comparison?.ratio.map { "\(Numbers.ratio($0)) (\(Numbers.interval(comparison!.interval)))" } ?? "–")</td>"
                + "<td>\(e(result.sentence))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    private static func table(_ summary: InsightsSummary) -> String {
        let rows = ReportRow.rows(summary.days)
        var html = "<section class=\"days\"><h2>Per \(rows.count == summary.days.count ? "day" : "week")</h2>\n<table>"
            + "<thead><tr><th></th><th>measured</th><th>episodes</th><th>twitches</th><th>twitching</th><th>left</th>"
            + "<th>right</th><th>notes</th></tr></thead><tbody>\n"
        for row in rows {
            html += "<tr><td>\(e(row.label))</td><td class=\"n\">\(Numbers.measuredColumn(hours: row.observedHours))</td>"
                + "<td class=\"n\">\(row.episodes)</td><td class=\"n\">\(row.twitches)</td>"
                + "<td class=\"n\">\(Numbers.duration(row.twitchingSeconds))</td><td class=\"n\">\(row.left)</td>"
                + "<td class=\"n\">\(row.right)</td><td>\(e(row.tags.map { "#\($0)" }.joined(separator: " ")))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    private static func sites(_ summary: InsightsSummary) -> String {
        let sites = summary.sitesByEpisodes
        return sites.isEmpty ? "–" : sites.map { "\($0.site.words) \($0.episodes)" }.joined(separator: " · ")
    }

    private static func e(_ text: String) -> String { HTMLText.escaped(text) }

    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"DejaVu Sans",sans-serif;color:#1b1b1b;max-width:760px;margin:24px auto;padding:0 16px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 6px;border-bottom:1px solid #ccc}
        .meta,.legend,footer{color:#555;font-size:12px}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:12px 0}dt{font-weight:600}dd{margin:0}
        .alert{border:2px solid #a40000;padding:8px 12px;border-radius:4px}.alert>ul{padding-left:18px}.advice{font-weight:600}
        table{border-collapse:collapse;width:100%;font-size:12px}th,td{padding:2px 6px;border-bottom:1px solid #e2e2e2;text-align:left;vertical-align:top}
        td.n{text-align:right;white-space:nowrap}
        svg{width:100%;height:auto;display:block}
        svg .bar{fill:#2b5d9b}svg .cell{fill:#2b5d9b}svg .unmeasured{fill:#e6e6e6}svg .note{fill:#c25700}
        svg .grid{stroke:#bbb;stroke-width:.5}svg text{font:10px "DejaVu Sans",sans-serif;fill:#444}svg .tag{fill:#c25700;font-size:9px}
        footer{margin-top:24px;border-top:1px solid #ccc;padding-top:6px}
        @page{size:A4;margin:14mm}
        @media print{body{margin:0;max-width:none;font-size:11px}section{break-inside:avoid}.days{break-inside:auto}tr{break-inside:avoid}}
        """
}
