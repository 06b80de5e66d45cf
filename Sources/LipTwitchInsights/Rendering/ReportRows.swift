import LipTwitchJournal

/// The per-day table's rows, shared by the terminal and HTML renderings: a row per day for
/// up to a month, a row per week beyond (a year stays readable at a glance).
public struct ReportRow: Sendable, Equatable {
    /// `Thu 2026-10-01` or `week of 2026-10-05`.
    public var label: String
    public var observedHours = 0.0
    public var episodes = 0
    public var twitches = 0
    public var twitchingSeconds = 0.0
    public var left = 0
    public var right = 0
    public var tags: [String] = []

    /// Rows for `days`: daily up to `dailyLimit` days, weekly beyond.
    public static func rows(_ days: [DayTally], dailyLimit: Int = 31) -> [ReportRow] {
        let size = days.count > dailyLimit ? 7 : 1
        return stride(from: 0, to: days.count, by: size).map { start in
            let group = days[start..<min(days.count, start + size)]
            var row = ReportRow(
                label: size == 1 ? "\(Numbers.weekday(group.first!.date)) \(group.first!.date)" : "week of \(group.first!.date)")
            for day in group {
                row.observedHours += day.observedHours
                row.episodes += day.episodes
                row.twitches += day.twitches
                row.twitchingSeconds += day.twitchingSeconds
                row.left += day.episodes(on: .left)
                row.right += day.episodes(on: .right)
                for tag in day.noteTags where !row.tags.contains(tag) { row.tags.append(tag) }
            }
            return row
        }
    }

    /// Episodes per measured hour; nil when nothing was measured.
    public var rate: Double? { observedHours > 0 ? Double(episodes) / observedHours : nil }
}
