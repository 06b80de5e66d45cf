import LipTwitchJournal

extension SyntheticJournal {
    /// A journal where every chart and red flag of the report has something to show: a
    /// caffeine effect (rate × 2.5 for three hours after each of about two notes a day),
    /// stress notes without an effect, short nights, a weekly growth of 5 %, a tremor day
    /// half-way, a cheek site that starts two thirds in, and a noted symptom near the end.
    /// `scripts/check-report` renders it.
    public static func showcase(firstDay: CivilDate, days: Int, seed: UInt64) -> SyntheticJournal {
        var journal = SyntheticJournal(firstDay: firstDay, days: days, seed: seed)
        journal.sites = [("upper-left", 4), ("lower-left", 2), ("left-cheek", 1)]
        journal.quietSites = ["upper-right"]
        journal.siteStartDay = ["left-cheek": days * 2 / 3]
        journal.triggers = [
            PlantedTrigger(
                tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 2.5,
                amount: NoteRecord.Amount(value: 80, unit: "mg")),
            PlantedTrigger(tag: "stress", notesPerDay: 0.5, effectHours: 3, rateRatio: 1),
            PlantedTrigger(
                tag: "sleep", notesPerDay: 0.15, effectHours: 16, rateRatio: 1.3,
                amount: NoteRecord.Amount(value: 5, unit: "h"), hours: 6..<8),
        ]
        journal.weeklyGrowth = 0.05
        journal.tremorDays = [days / 2]
        journal.notes = [
            PlantedNote(day: days - 3, hour: 19, tags: ["drooping"], text: "left corner of the mouth feels heavy")
        ]
        return journal
    }

    /// The benchmarks' heavy twitcher: the showcase without the growth, at 40 episodes an
    /// hour (64-value envelopes) over ten hours worn a day, with a status record every two
    /// minutes, link counters every ten, 20 link stalls a day and a retraction a week:
    /// about 960 records and 950 KB a day.
    public static func heavy(firstDay: CivilDate, days: Int, seed: UInt64) -> SyntheticJournal {
        var journal = showcase(firstDay: firstDay, days: days, seed: seed)
        journal.episodesPerHour = 40
        journal.weeklyGrowth = 0
        journal.statusMinutes = 2
        journal.countersMinutes = 10
        journal.gapsPerDay = 20
        journal.retractionDays = 7
        return journal
    }
}
