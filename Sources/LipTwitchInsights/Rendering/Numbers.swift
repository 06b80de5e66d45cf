import LipTwitchJournal

/// Numbers as a report shows them: fixed decimals, ratios, durations, day names.
public enum Numbers {
    /// `value` rounded to `places` decimals: `2.35`, `-0.5`, `12`.
    public static func fixed(_ value: Double, _ places: Int = 1) -> String {
        FixedDecimal.text(value, places: places)
    }

    /// `2.3×`, `0.45×`, `∞×`.
    public static func ratio(_ value: Double) -> String {
        fixed(value, value < 1 ? 2 : 1) + "×"
    }

    /// `1.8× to 2.8×`.
    public static func interval(_ range: ClosedRange<Double>) -> String {
        "\(ratio(range.lowerBound)) to \(ratio(range.upperBound))"
    }

    /// `+12 %`, `-30 %`; below one per cent, one decimal (`-0.3 %`, `+0.2 %`, `0.0 %`), so a
    /// narrow interval does not read `0 % to +0 %`.
    public static func change(_ value: Double) -> String {
        let percent = value * 100
        let text = fixed(percent, abs(percent) < 0.95 ? 1 : 0)
        return (text.hasPrefix("-") || text.allSatisfy({ $0 == "0" || $0 == "." }) ? "" : "+") + text + " %"
    }

    /// `3 h`, `1.5 h`.
    public static func hours(_ value: Double) -> String {
        "\(fixed(value, value == value.rounded() ? 0 : 1)) h"
    }

    /// `45 s`, `3 min 05 s`, `2 h 10 min`.
    public static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 {
            let rest = total % 60
            return "\(total / 60) min \(rest < 10 ? "0" : "")\(rest) s"
        }
        return "\(total / 3600) h \(total % 3600 / 60) min"
    }

    /// Measured time: `35 s` and `12 min 05 s` below an hour (a demo's few minutes are not
    /// `0.0 h`), `3.5 h` from there.
    public static func measured(hours: Double) -> String {
        hours < 1 ? duration(hours * 3600) : "\(fixed(hours)) h"
    }

    /// Measured time in a table column: `<0.1 h` for a few minutes, `–` for none.
    public static func measuredColumn(hours: Double) -> String {
        hours <= 0 ? "–" : hours < 0.05 ? "<0.1 h" : "\(fixed(hours)) h"
    }

    /// `Mon`: the day of the week.
    public static func weekday(_ date: CivilDate) -> String {
        // 1970-01-01 was a Thursday.
        let names = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let index = Int(((date.daysSinceEpoch % 7) + 7) % 7)
        return names[index]
    }

    /// `12 345` with thin grouping for large counts.
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(" ") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
