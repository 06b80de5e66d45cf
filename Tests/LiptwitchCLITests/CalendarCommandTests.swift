import Foundation
import LipTwitchJournal
import Testing

/// The commands at awkward moments, each pinned with `LIPTWITCH_NOW` and `TZ`: a leap day,
/// the hours daylight saving time skips and repeats, and a journal read in another zone
/// than it was written in.
@Suite struct CalendarCommandTests {
    private func run(_ arguments: [String], _ files: JournalFiles, now: String, zone: String) throws
        -> LiptwitchProcess.Result
    {
        try LiptwitchProcess.run(
            arguments + ["--journal", files.directory], environment: ["LIPTWITCH_NOW": now, "TZ": zone])
    }

    private func monthFiles(_ files: JournalFiles) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: files.directory).filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    @Test func aNoteWrittenOnTheFirstOfMarchAboutTheLeapDayGoesToMarch() throws {
        let files = try JournalFiles()
        let note = try run(
            ["note", "leap day coffee", "--tag", "caffeine", "--at", "yesterday 23:00"], files,
            now: "2028-03-01T00:05:00+01:00", zone: "Europe/Berlin")
        #expect(note.status == 0, "\(note.standardError)")
        #expect(note.outputLines.first?.contains("about 2028-02-29 23:00:00 (+01:00)") == true, "\(note.outputLines)")
        #expect(try monthFiles(files) == ["2028-03.jsonl"], "filed by when it was written")
        let leapDay = try run(
            ["journal", "--since", "2028-02-29", "--until", "2028-03-01"], files,
            now: "2028-03-01T00:06:00+01:00", zone: "Europe/Berlin")
        #expect(leapDay.outputLines == ["2028-02-29 23:00:00  note       \"leap day coffee\" #caffeine"])
    }

    @Test func aTimeTheClocksSkippedIsRefusedAndARepeatedOneIsItsFirstPass() throws {
        let files = try JournalFiles()
        let skipped = try run(
            ["note", "x", "--at", "02:30"], files, now: "2031-03-30T12:00:00+02:00", zone: "Europe/Berlin")
        #expect(skipped.status != 0 && skipped.standardError.contains("2031-03-30 02:30 never happened here"))
        let repeated = try run(
            ["note", "x", "--at", "01:30"], files, now: "2031-11-02T09:00:00-05:00", zone: "America/New_York")
        #expect(repeated.status == 0, "\(repeated.standardError)")
        #expect(try files.lines().last?.contains(#""at":"2031-11-02T01:30:00.000-04:00""#) == true)
    }

    @Test func aJournalWrittenInBerlinReadsTheSameInNewYork() throws {
        let files = try JournalFiles()
        let note = try run(["note", "first of december"], files, now: "2026-12-01T00:30:00+01:00", zone: "Europe/Berlin")
        #expect(note.status == 0, "\(note.standardError)")
        #expect(try monthFiles(files) == ["2026-12.jsonl"])
        let berlin = try run(["journal"], files, now: "2026-12-01T12:00:00+01:00", zone: "Europe/Berlin")
        let newYork = try run(["journal"], files, now: "2026-12-01T06:00:00-05:00", zone: "America/New_York")
        #expect(berlin.outputLines == ["2026-12-01 00:30:00  note       \"first of december\""])
        #expect(newYork.outputLines == berlin.outputLines, "times show as they were where they happened")
        // "Since the first of December" is the reader's first of December: in New York it
        // began at 06:00 in Berlin, after the note.
        let sinceBerlin = try run(
            ["journal", "--since", "2026-12-01"], files, now: "2026-12-01T12:00:00+01:00", zone: "Europe/Berlin")
        let sinceNewYork = try run(
            ["journal", "--since", "2026-12-01"], files, now: "2026-12-01T06:00:00-05:00", zone: "America/New_York")
        #expect(sinceBerlin.outputLines.count == 1 && sinceNewYork.outputLines.isEmpty)
    }

    @Test func aPinnedClockThatIsNotATimeIsOneSentence() throws {
        let files = try JournalFiles()
        let result = try run(["note", "x"], files, now: "next tuesday", zone: "Europe/Berlin")
        #expect(result.status == 2)
        #expect(result.standardError == "liptwitch: LIPTWITCH_NOW='next tuesday' is not a time like "
            + "2026-11-21T14:05:00+01:00; set it to one, or unset it to use the system clock\n")
        #expect(!FileManager.default.fileExists(atPath: files.directory), "nothing written")
    }
}
