import JournalSynthesis
import LipTwitchInsights
import LipTwitchJournal
import Testing

/// Each red flag fires on a journal built to trigger it, with the facts that make it hold,
/// and stays quiet on one that is not; no flag ever names a disease.
@Suite struct RedFlagTests {
    /// Ten days worn, two episodes an hour at the upper left lip: nothing alarming.
    static var quiet: SyntheticJournal { Journals.plain(days: 10, seed: 3) }

    static let diseaseWords = [
        "hemifacial", "spasm", "palsy", "bell", "als", "sclerosis", "parkinson", "dystonia", "myokymia",
        "fasciculation", "tumou", "stroke", "disease", "syndrome", "disorder", "neuropathy",
    ]

    @Test func aQuietJournalRaisesNoFlag() {
        var journal = Self.quiet
        journal.sites = [("upper-left", 1), ("upper-right", 1)]
        let review = Journals.report(journal).redFlags
        #expect(review.flags.isEmpty, "\(review.flags)")
    }

    @Test func mostDaysForMoreThanTwoWeeks() throws {
        var journal = Journals.plain(days: 20, seed: 4)
        journal.wornShare = 0.9
        let flag = try #require(Journals.report(journal).redFlags.flag(.mostDaysForTwoWeeks))
        #expect(flag.facts.first?.contains("measured days from 2026-10-01") == true, "\(flag.facts)")

        var short = Journals.plain(days: 13, seed: 4)
        short.wornShare = 0.9
        #expect(Journals.report(short).redFlags.flag(.mostDaysForTwoWeeks) == nil)
        // Worn one day in four over the month: at most 4 twitching days in any 15, whatever
        // the seed (worn days drawn at random can bunch up, and rightly fire the flag).
        for seed in UInt64(1)...5 {
            var sparse = Journals.plain(days: 28, seed: seed)
            sparse.wornDays = Set(stride(from: 0, to: 28, by: 4))
            #expect(Journals.report(sparse).redFlags.flag(.mostDaysForTwoWeeks) == nil, "seed \(seed)")
        }
    }

    @Test func twitchingThatKeepsComingBackForMoreThanADay() throws {
        var journal = Self.quiet
        journal.roundTheClockDays = [4, 5]
        journal.episodesPerHour = 12
        let flag = try #require(Journals.report(journal).redFlags.flag(.lastingOverADay))
        #expect(flag.facts.first?.contains("from 2026-10-05") == true, "\(flag.facts)")

        var oneDay = Self.quiet
        oneDay.roundTheClockDays = [4]
        oneDay.episodesPerHour = 12
        #expect(Journals.report(oneDay).redFlags.flag(.lastingOverADay) == nil)
    }

    @Test func intensifyingAndGrowingClusters() throws {
        var journal = Journals.plain(days: 28, seed: 6)
        journal.weeklyGrowth = 0.4
        journal.clusterWeeklyGrowth = 0.35
        let review = Journals.report(journal).redFlags
        let rising = try #require(review.flag(.intensifying))
        #expect(rising.facts.first?.contains("episodes per measured hour rose") == true, "\(rising.facts)")
        #expect(review.flag(.growingClusters) != nil)

        let steady = Journals.report(Journals.plain(days: 28, seed: 6)).redFlags
        #expect(steady.flag(.intensifying) == nil)
        #expect(steady.flag(.growingClusters) == nil)
    }

    @Test func spreadingBeyondTheLipOrToANewSite() throws {
        var journal = Journals.plain(days: 21, seed: 7)
        journal.sites = [("upper-left", 3), ("left-eyelid", 1)]
        journal.siteStartDay = ["left-eyelid": 15]
        let beyond = try #require(Journals.report(journal).redFlags.flag(.spreading))
        #expect(beyond.facts.first?.contains("at the left eyelid, from 2026-10-16") == true, "\(beyond.facts)")

        var newSite = Journals.plain(days: 21, seed: 7)
        newSite.sites = [("upper-left", 1), ("lower-left", 1)]
        newSite.siteStartDay = ["lower-left": 17]
        let spread = try #require(Journals.report(newSite).redFlags.flag(.spreading))
        #expect(spread.facts.first?.contains("lower lip, left since 2026-10-18") == true, "\(spread.facts)")

        var quiet = Journals.plain(days: 21, seed: 7)
        quiet.sites = [("upper-left", 1)]
        quiet.quietSites = ["left-eyelid"]
        #expect(Journals.report(quiet).redFlags.flag(.spreading) == nil)
    }

    @Test func oneSideOnlyWhenBothSidesAreMeasured() throws {
        var journal = Self.quiet
        journal.sites = [("upper-left", 1)]
        journal.quietSites = ["upper-right"]
        let flag = try #require(Journals.report(journal).redFlags.flag(.oneSided))
        #expect(flag.facts.first?.contains("(100 %) on the left side") == true, "\(flag.facts)")

        var oneSensor = Self.quiet
        oneSensor.sites = [("upper-left", 1)]
        let review = Journals.report(oneSensor).redFlags
        #expect(review.flag(.oneSided) == nil)
        #expect(review.notJudged.first?.contains("only the left side was measured") == true)
    }

    @Test func aRhythmicTremor() throws {
        var journal = Self.quiet
        journal.tremorDays = [2, 6]
        let flag = try #require(Journals.report(journal).redFlags.flag(.rhythmicTremor))
        #expect(flag.facts.first?.hasPrefix("2 tremor episodes on 2 days (5.0 Hz") == true, "\(flag.facts)")
    }

    @Test func notedSymptoms() throws {
        var journal = Self.quiet
        journal.notes = [
            PlantedNote(day: 3, hour: 20, tags: ["drooping"], text: "left corner of the mouth droops"),
            PlantedNote(day: 4, hour: 9, tags: ["caffeine"], text: "coffee"),
        ]
        let flag = try #require(Journals.report(journal).redFlags.flag(.notedSymptoms))
        #expect(flag.facts == ["2026-10-04 20:00:00 #drooping: “left corner of the mouth droops”"])
    }

    @Test func noFlagNamesADisease() {
        var journal = Journals.plain(days: 28, seed: 9)
        journal.sites = [("upper-left", 1), ("left-cheek", 1)]
        journal.quietSites = ["upper-right"]
        journal.roundTheClockDays = [10, 11]
        journal.weeklyGrowth = 0.5
        journal.tremorDays = [3]
        journal.notes = [PlantedNote(day: 2, hour: 9, tags: ["weakness"], text: "lip feels weak")]
        let review = Journals.report(journal).redFlags
        #expect(review.flags.count >= 6)
        let text = (review.flags.flatMap { [$0.kind.title] + $0.facts } + [RedFlag.advice]).joined(separator: " ")
            .lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        for word in Self.diseaseWords {
            #expect(!text.contains { $0.hasPrefix(word) && $0 != "lip" }, "names '\(word)'")
        }
    }
}
