import Foundation
import JournalSynthesis
import LipTwitchJournal
import Testing
import TestSupport

/// `liptwitch journal prune --before DATE`: old records go for good, the rest stay intact.
@Suite struct JournalPruneCommandTests {
    @Test func pruneRemovesOldRecordsAndEmptyMonths() throws {
        let directory = try TemporaryDirectory()
        let journal = directory.path + "/journal"
        var synthetic = SyntheticJournal(firstDay: CivilDate(year: 2026, month: 9, day: 25)!, days: 14, seed: 2)
        synthetic.triggers = [PlantedTrigger(tag: "caffeine", notesPerDay: 1, effectHours: 3, rateRatio: 1)]
        try SyntheticJournalFiles.write(synthetic, to: journal)
        let before = try LiptwitchProcess.run(["journal", "--journal", journal, "--json"]).outputLines.count

        let dry = try LiptwitchProcess.run(["journal", "prune", "--before", "2026-10-03", "--dry-run", "--journal", journal])
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(dry.outputLines.first?.contains("would delete 2026-09.jsonl; would rewrite 2026-10.jsonl") == true, "\(dry.outputLines)")
        #expect(try LiptwitchProcess.run(["journal", "--journal", journal, "--json"]).outputLines.count == before)

        let result = try LiptwitchProcess.run(["journal", "prune", "--before", "2026-10-03", "--journal", journal])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: journal + "/2026-09.jsonl"))
        let left = try LiptwitchProcess.run(["journal", "--journal", journal, "--json"])
        #expect(left.standardError.isEmpty, "nothing unreadable left behind: \(left.standardError)")
        let removed = Int(result.outputLines.first?.split(separator: " ")[1] ?? "") ?? -1
        #expect(left.outputLines.count == before - removed)
        let old = try LiptwitchProcess.run(["journal", "--journal", journal, "--until", "2026-10-03"])
        #expect(old.outputLines.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: journal + "/2026-10.jsonl")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
