import JournalSynthesis
@testable import LipTwitchInsights
import LipTwitchJournal
import Testing

/// Planted triggers: an effect that is there is found with its size; one that is not there
/// is not claimed; too little data says so, and how much more would settle it.
@Suite struct TriggerTests {
    @Test(arguments: Array(UInt64(1)...8))
    func aPlantedCaffeineEffectIsFoundWithItsSize(seed: UInt64) throws {
        var journal = Journals.plain(days: 28, seed: seed)
        journal.triggers = [PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 2.5)]
        let report = Journals.report(journal)
        let caffeine = try #require(report.triggers.first { $0.tag == "caffeine" })
        #expect(caffeine.verdict == .moreAfter)
        let comparison = try #require(caffeine.comparison)
        let ratio = try #require(comparison.ratio)
        #expect((2.0...3.1).contains(ratio), "planted 2.5×, found \(ratio) in \(comparison.interval)")
        #expect(comparison.interval.lowerBound > 1.5)
        #expect(caffeine.sentence.contains("more episodes in the 3 h after #caffeine"))
    }

    @Test func theIntervalHoldsThePlantedSizeMostOfTheTime() {
        var covered = 0
        for seed in UInt64(200)..<UInt64(220) {
            var journal = Journals.plain(days: 21, seed: seed)
            journal.triggers = [PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 2)]
            if Journals.report(journal).triggers.first?.comparison?.interval.contains(2) == true { covered += 1 }
        }
        #expect(covered >= 16, "a 95 % interval held the planted 2× in \(covered) of 20 journals")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func notesWithoutAnEffectAreNotClaimed(seed: UInt64) throws {
        var journal = Journals.plain(days: 42, seed: seed)
        journal.triggers = [
            PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 1),
            PlantedTrigger(tag: "stress", notesPerDay: 1, effectHours: 3, rateRatio: 1),
            PlantedTrigger(tag: "screen", notesPerDay: 1.5, effectHours: 3, rateRatio: 1),
        ]
        let report = Journals.report(journal)
        #expect(report.triggers.count == 3)
        for trigger in report.triggers {
            #expect(trigger.verdict != .moreAfter && trigger.verdict != .fewerAfter, "\(trigger.tag): \(trigger.sentence)")
        }
    }

    @Test func notesAtTheHoursTwitchingIsCommonAnywayAreNotTakenForATrigger() throws {
        var journal = Journals.plain(days: 42, seed: 21)
        journal.hourProfile = (0..<24).map { $0 < 12 ? 3 : 0.5 }
        journal.triggers = [PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 2, rateRatio: 1, hours: 7..<10)]
        let caffeine = try #require(Journals.report(journal).triggers.first)
        #expect(caffeine.verdict != .moreAfter, "\(caffeine.sentence)")
        let comparison = try #require(caffeine.comparison)
        #expect(comparison.exposedRate > 1.5 * comparison.baselineRate, "the crude rates differ; the stratified ratio does not")
    }

    @Test func falseClaimsAreRare() {
        var claims = 0
        for seed in UInt64(100)..<UInt64(140) {
            var journal = Journals.plain(days: 28, seed: seed)
            journal.triggers = [PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 1)]
            let verdict = Journals.report(journal).triggers.first?.verdict
            if verdict == .moreAfter || verdict == .fewerAfter { claims += 1 }
        }
        #expect(claims <= 2, "\(claims) of 40 journals without an effect claimed one")
    }

    @Test func withEnoughDataNoEffectSaysSo() throws {
        var journal = Journals.plain(days: 90, seed: 11)
        journal.episodesPerHour = 4
        journal.triggers = [PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 1)]
        let caffeine = try #require(Journals.report(journal).triggers.first)
        #expect(caffeine.verdict == .noClearDifference, "\(caffeine.sentence)")
        let comparison = try #require(caffeine.comparison)
        #expect(comparison.interval.upperBound < TriggerAnalysis.smallestEffect)
    }

    @Test func twoNotesAreNotEnoughData() throws {
        var journal = Journals.plain(days: 14, seed: 5)
        journal.notes = [
            PlantedNote(day: 3, hour: 9, tags: ["alcohol"], text: "wine"),
            PlantedNote(day: 9, hour: 9, tags: ["alcohol"], text: "beer"),
        ]
        let alcohol = try #require(Journals.report(journal).triggers.first { $0.tag == "alcohol" })
        guard case .notEnoughData(let reason) = alcohol.verdict else {
            Issue.record("expected not enough data, got \(alcohol.verdict)")
            return
        }
        #expect(reason.contains("2 notes so far"))
    }

    @Test func aWeakHintSaysHowMuchMoreDataWouldSettleIt() {
        // A week at one episode an hour with a 1.3× effect after daily notes: far too little
        // to settle it. Chance can still make one such week look clear, so this holds for most
        // journals, not for one seed picked to pass.
        var hints: [String] = []
        for seed in UInt64(1)...20 {
            var journal = Journals.plain(days: 7, seed: seed)
            journal.episodesPerHour = 1
            journal.triggers = [PlantedTrigger(tag: "stress", notesPerDay: 1, effectHours: 3, rateRatio: 1.3)]
            guard let stress = Journals.report(journal).triggers.first, case .notEnoughData = stress.verdict,
                let more = stress.moreData, more.days > 0, more.notes > 0
            else { continue }
            #expect(stress.sentence.contains("more measured day"), "\(stress.sentence)")
            hints.append(stress.sentence)
        }
        #expect(hints.count >= 17, "\(hints.count) of 20 weak hints said how much more data would settle them")
    }

    @Test func fullNightsOfSleepAreNotExposures() throws {
        var journal = Journals.plain(days: 14, seed: 4)
        journal.triggers = [
            PlantedTrigger(tag: "sleep", notesPerDay: 1, effectHours: 16, rateRatio: 1, amount: NoteRecord.Amount(value: 8, unit: "h"))
        ]
        let sleep = try #require(Journals.report(journal).triggers.first)
        #expect(sleep.notes == 0)
        #expect(sleep.fullNights > 5)
    }

    @Test func holmAdjustsTheSmallestPValueMost() {
        let adjusted = TriggerAnalysis.holm([0.01, 0.04, 0.03])
        #expect(zip(adjusted, [0.03, 0.06, 0.06]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(adjusted)")
    }
}
