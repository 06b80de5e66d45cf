import Foundation
import JournalSynthesis
import LipTwitchJournal
import Testing
import TestSupport

/// `liptwitch report` over a synthetic journal in a temporary directory, as a user runs it.
@Suite struct ReportCommandTests {
    static func journal(in directory: TemporaryDirectory) throws -> String {
        var journal = SyntheticJournal(firstDay: CivilDate(year: 2026, month: 10, day: 1)!, days: 21, seed: 5)
        journal.triggers = [PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 2.5)]
        journal.tremorDays = [9]
        let path = directory.path + "/journal"
        try SyntheticJournalFiles.write(journal, to: path)
        return path
    }

    @Test func theTerminalReportShowsTheTableTriggersAndFlags() throws {
        let directory = try TemporaryDirectory()
        let journal = try Self.journal(in: directory)
        let result = try LiptwitchProcess.run(
            ["report", "--journal", journal, "--since", "2026-10-01", "--until", "2026-10-22"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(text.contains("LipTwitch report: 2026-10-01 to 2026-10-21 (21 days)"))
        #expect(text.contains("Thu 2026-10-01"))
        #expect(text.contains("more episodes in the 3 h after #caffeine"))
        #expect(text.contains("! A rhythmic tremor pattern"))
        #expect(text.contains("! Twitching on most days for more than two weeks"))
    }

    @Test func theHTMLReportIsOneFileWithCharts() throws {
        let directory = try TemporaryDirectory()
        let journal = try Self.journal(in: directory)
        let page = directory.path + "/report.html"
        let result = try LiptwitchProcess.run(
            ["report", "--journal", journal, "--since", "2026-10-01", "--until", "2026-10-22", "--html", page])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        let mode = try FileManager.default.attributesOfItem(atPath: page)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [
        (["report", "--since", "yesterdayish"], "--since: cannot read the time"),
        (["report", "--window", "caffeine"], "cannot read --window caffeine"),
        (["report", "--since", "2026-10-05", "--until", "2026-10-01"], "before it starts"),
    ])
    func badArgumentsGetOneClearSentence(arguments: [String], message: String) throws {
        let directory = try TemporaryDirectory()
        let result = try LiptwitchProcess.run(arguments + ["--journal", directory.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func anEmptyJournalSaysWhatToDo() throws {
        let directory = try TemporaryDirectory()
        let result = try LiptwitchProcess.run(["report", "--journal", directory.path + "/none"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("nothing recorded yet"))
    }
}
