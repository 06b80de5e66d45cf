import JournalSynthesis
import LipTwitchInsights
import LipTwitchJournal

/// Synthetic journals run through the report's one pass, as the runtime does.
enum Journals {
    static let firstDay = CivilDate(year: 2026, month: 10, day: 1)!

    /// A plain journal: `days` days worn 8 to 18 h, 2 episodes an hour, one site.
    static func plain(days: Int = 28, seed: UInt64 = 1) -> SyntheticJournal {
        SyntheticJournal(firstDay: firstDay, days: days, seed: seed)
    }

    /// The report over the whole of `journal`.
    static func report(_ journal: SyntheticJournal, windows: TriggerWindows = TriggerWindows()) -> Report {
        Report(summary: summary(journal, windows: windows), generated: journal.time(day: journal.days, hours: 0), source: "test")
    }

    static func summary(_ journal: SyntheticJournal, windows: TriggerWindows = TriggerWindows()) -> InsightsSummary {
        let period = ReportPeriod(since: journal.time(day: 0, hours: 0), until: journal.time(day: journal.days, hours: 0))
        var accumulator = InsightsAccumulator(period: period, windows: windows)
        journal.forEachRecord { accumulator.add($0) }
        return accumulator.finish()
    }
}
