/// The report's charts as inline SVG: no script, no external file, sized in user units so
/// they scale to the page and print sharp.
enum SVGCharts {
    static let width = 720.0

    /// Episodes per day as bars (grey where nothing was measured), with a mark above each
    /// day that has notes and the tags written beside it.
    static func dailySeries(_ days: [DayTally]) -> String {
        let height = 220.0
        let top = 40.0
        let bottom = 24.0
        let left = 40.0
        let plot = height - top - bottom
        let step = (width - left - 8) / Double(max(1, days.count))
        let highest = Double(max(1, days.map(\.episodes).max() ?? 1))
        var svg = open(height: height, label: "Episodes per day, with notes marked")
        svg += axis(left: left, top: top, plot: plot, highest: highest)
        for (index, day) in days.enumerated() {
            let x = left + Double(index) * step
            if !day.isMeasured {
                svg += rect(x: x, y: top, width: max(1, step - 1), height: plot, style: "unmeasured")
                continue
            }
            let barHeight = plot * Double(day.episodes) / highest
            svg += rect(x: x, y: top + plot - barHeight, width: max(1, step - 1), height: barHeight, style: "bar",
                        title: "\(day.date): \(day.episodes) episodes, \(Numbers.fixed(day.observedHours)) h measured")
            if !day.noteTags.isEmpty {
                let tags = day.noteTags.map { "#\($0)" }.joined(separator: " ")
                svg += "<path class=\"note\" d=\"M\(f(x + step / 2 - 4)) \(f(top - 14))h8l-4 8z\"><title>"
                    + HTMLText.escaped("\(day.date): \(tags)") + "</title></path>"
                if days.count <= 31 {
                    svg += "<text class=\"tag\" x=\"\(f(x + step / 2))\" y=\"\(f(top - 18))\" "
                        + "transform=\"rotate(-35 \(f(x + step / 2)) \(f(top - 18)))\">\(HTMLText.escaped(tags))</text>"
                }
            }
        }
        for index in stride(from: 0, to: days.count, by: max(1, days.count / 8)) {
            svg += "<text class=\"axis\" x=\"\(f(left + (Double(index) + 0.5) * step))\" y=\"\(f(height - 6))\" "
                + "text-anchor=\"middle\">\(days[index].date.description.dropFirst(5))</text>"
        }
        return svg + "</svg>"
    }

    /// Days down, hours across, darker for more episodes.
    static func heatMap(_ summary: InsightsSummary) -> String {
        let left = 74.0
        let top = 18.0
        let cellWidth = (width - left - 8) / 24
        let cellHeight = max(2, min(14, 560 / Double(max(1, summary.days.count))))
        let height = top + cellHeight * Double(summary.days.count) + 6
        let highest = Double(max(1, (0..<summary.days.count).flatMap { day in
            (0..<24).map { summary.episodes(day: day, hour: $0) }
        }.max() ?? 1))
        var svg = open(height: height, label: "Episodes by day and hour of day")
        for hour in stride(from: 0, to: 24, by: 3) {
            svg += "<text class=\"axis\" x=\"\(f(left + (Double(hour) + 0.5) * cellWidth))\" y=\"12\" "
                + "text-anchor=\"middle\">\(hour):00</text>"
        }
        let labelEvery = max(1, Int((10 / cellHeight).rounded(.up)))
        for (index, day) in summary.days.enumerated() {
            let y = top + Double(index) * cellHeight
            if index % labelEvery == 0 {
                svg += "<text class=\"axis\" x=\"\(f(left - 6))\" y=\"\(f(y + min(cellHeight, 10)))\" "
                    + "text-anchor=\"end\">\(day.date)</text>"
            }
            for hour in 0..<24 {
                let count = summary.episodes(day: index, hour: hour)
                let shade = count == 0 ? 0 : 0.15 + 0.85 * Double(count) / highest
                svg += "<rect class=\"cell\" x=\"\(f(left + Double(hour) * cellWidth))\" y=\"\(f(y))\" "
                    + "width=\"\(f(cellWidth - 0.5))\" height=\"\(f(max(1, cellHeight - 0.5)))\" "
                    + "fill-opacity=\"\(f(shade, 2))\"><title>\(day.date) \(hour):00 – \(count) episodes</title></rect>"
            }
        }
        return svg + "</svg>"
    }

    /// Episodes per measured hour in each hour of the day.
    static func hourOfDay(_ summary: InsightsSummary) -> String {
        let height = 160.0
        let top = 10.0
        let bottom = 22.0
        let left = 40.0
        let plot = height - top - bottom
        let step = (width - left - 8) / 24
        let rates = (0..<24).map { hour in
            summary.hourObservedSeconds[hour] > 0
                ? Double(summary.hourEpisodes[hour]) / (summary.hourObservedSeconds[hour] / 3600) : 0
        }
        let highest = max(0.01, rates.max() ?? 0)
        var svg = open(height: height, label: "Episodes per measured hour by hour of day")
        svg += axis(left: left, top: top, plot: plot, highest: highest)
        for hour in 0..<24 {
            let barHeight = plot * rates[hour] / highest
            svg += rect(x: left + Double(hour) * step, y: top + plot - barHeight, width: step - 2, height: barHeight,
                        style: "bar", title: "\(hour):00 – \(Numbers.fixed(rates[hour], 2)) episodes per measured hour")
            if hour % 3 == 0 {
                svg += "<text class=\"axis\" x=\"\(f(left + (Double(hour) + 0.5) * step))\" y=\"\(f(height - 6))\" "
                    + "text-anchor=\"middle\">\(hour)</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func open(height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
            + "aria-label=\"\(label)\"><title>\(label)</title>"
    }

    private static func axis(left: Double, top: Double, plot: Double, highest: Double) -> String {
        "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(width - 8))\" y2=\"\(f(top))\"/>"
            + "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(top + plot))\" x2=\"\(f(width - 8))\" y2=\"\(f(top + plot))\"/>"
            + "<text class=\"axis\" x=\"\(f(left - 4))\" y=\"\(f(top + 4))\" text-anchor=\"end\">"
            + "\(Numbers.fixed(highest, highest < 10 ? 1 : 0))</text>"
            + "<text class=\"axis\" x=\"\(f(left - 4))\" y=\"\(f(top + plot))\" text-anchor=\"end\">0</text>"
    }

    private static func rect(
        x: Double, y: Double, width: Double, height: Double, style: String, title: String? = nil
    ) -> String {
        "<rect class=\"\(style)\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\">"
            + (title.map { "<title>\(HTMLText.escaped($0))</title>" } ?? "") + "</rect>"
    }

    private static func f(_ value: Double, _ places: Int = 1) -> String { Numbers.fixed(value, places) }
}
