import Foundation
import LipTwitchJournal
import Testing

/// `liptwitch journal` end to end.
@Suite struct JournalCommandTests {
    private func run(_ arguments: [String], _ files: JournalFiles) throws -> LiptwitchProcess.Result {
        try LiptwitchProcess.run(arguments + ["--journal", files.directory], environment: ["TZ": "Europe/Berlin"])
    }

    /// A journal with three notes and an unreadable line between them.
    private func journalWithNotes() throws -> JournalFiles {
        let files = try JournalFiles()
        for (text, tag, at) in [("espresso", "caffeine", "2026-11-18T09:00"), ("short night", "sleep", "2026-11-19T07:00"),
                                ("dentist", "dental", "2026-11-20T16:30")] {
            #expect(try run(["note", text, "--tag", tag, "--at", at], files).status == 0)
        }
        return files
    }

    @Test func theTableShowsTimeTypeAndSummary() throws {
        let files = try journalWithNotes()
        let result = try run(["journal"], files)
        #expect(result.status == 0 && result.standardError.isEmpty, "\(result.standardError)")
        #expect(result.outputLines == [
            "2026-11-18 09:00:00  note       \"espresso\" #caffeine",
            "2026-11-19 07:00:00  note       \"short night\" #sleep",
            "2026-11-20 16:30:00  note       \"dentist\" #dental",
        ])
    }

    @Test func jsonPrintsTheLinesAsStored() throws {
        let files = try journalWithNotes()
        let result = try run(["journal", "--json"], files)
        #expect(result.status == 0)
        #expect(result.outputLines == Array(try files.lines().dropFirst()))
        let all = try run(["journal", "--json", "--type", "header,note"], files)
        #expect(all.outputLines == (try files.lines()))
    }

    @Test func sinceUntilAndTypeChoose() throws {
        let files = try journalWithNotes()
        let window = try run(["journal", "show", "--since", "2026-11-19", "--until", "2026-11-20T12:00"], files)
        #expect(window.outputLines.count == 1 && window.outputLines[0].contains("short night"))
        let none = try run(["journal", "--type", "episode"], files)
        #expect(none.status == 0 && none.outputLines.isEmpty)
        #expect(none.standardError.contains("liptwitch journal: no records"))
        let empty = try run(["journal", "--since", "2026-11-21T00:00", "--until", "2026-11-22"], files)
        #expect(empty.standardError.contains("no records since 2026-11-21 00:00:00 and before 2026-11-22 00:00:00"))
    }

    @Test func aLineOfGarbageIsSkippedAndReported() throws {
        let files = try journalWithNotes()
        let path = try #require(try FileManager.default.contentsOfDirectory(atPath: files.directory).first)
        let handle = try #require(FileHandle(forWritingAtPath: files.directory + "/" + path))
        handle.seekToEndOfFile()
        handle.write(Data("%%% not a record %%%\n{\"class\":\"mood\",\"format\":\"1.3\"}\n{\"torn".utf8))
        try handle.close()
        let result = try run(["journal"], files)
        #expect(result.status == 0)
        #expect(result.outputLines.count == 3)
        #expect(result.standardError.contains(
            "liptwitch journal: skipped 3 lines: 2 unreadable, 1 of an unknown type. \(path):5: not a JSON object"))
        #expect(result.standardError.contains("\(path):7: not a JSON object"))
        #expect(try run(["note", "sealed", "--at", "2026-11-20T17:00"], files).status == 0)
        let after = try run(["journal"], files)
        #expect(after.outputLines.count == 4 && after.standardError.contains("skipped 3 lines"))
    }

    @Test func nothingRecordedYetSaysWhatToRun() throws {
        let files = try JournalFiles()
        let result = try run(["journal"], files)
        #expect(result.status == 0 && result.outputLines.isEmpty)
        #expect(result.standardError.contains(
            "nothing recorded yet in \(files.directory); run `liptwitch demo` or `liptwitch note …`"))
    }

    @Test(arguments: [
        (["journal", "--since", "2x"], "--since: cannot read the time '2x'"),
        (["journal", "--until", "tomorrow"], "--until: cannot read the time 'tomorrow'"),
        (["journal", "--type", "mood"], "unknown type mood in --type; choose from header, episode, note"),
        (["journal", "--since", "1d", "--until", "2d"], "is not after --since"),
        (["journal", "--frobnicate"], "Unknown option '--frobnicate'"),
    ])
    func badArgumentsGetAClearMessage(arguments: [String], message: String) throws {
        let files = try journalWithNotes()
        let result = try run(arguments, files)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal") && !result.standardError.contains("Stack"))
    }

    @Test func aDirectoryThatCannotBeReadIsAClearError() throws {
        let files = try JournalFiles()
        #expect(FileManager.default.createFile(atPath: files.directory, contents: Data("not a directory".utf8)))
        let result = try run(["journal"], files)
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot read the journal directory '\(files.directory)'"))
    }

    @Test func followShowsRecordsAsTheyAreWrittenAcrossTheMonthsEnd() throws {
        let files = try JournalFiles()
        let store = try JournalStoreWriter(directory: files.directory)
        try store.append(note: "before", at: "2026-10-31T23:00:00.000+01:00")
        let follower = try RunningProcess(
            LiptwitchProcess.executable, ["journal", "--follow", "--json", "--journal", files.directory])
        #expect(follower.waitForLines(1).count == 1)
        try store.append(note: "october's last", at: "2026-10-31T23:59:59.000+01:00")
        #expect(follower.waitForLines(2).count == 2)
        try store.append(note: "november's first", at: "2026-11-01T00:00:01.000+01:00")
        try store.append(note: "and its second", at: "2026-12-01T00:00:02.000+01:00")
        let lines = follower.waitForLines(4)
        #expect(lines.count == 4)
        #expect(lines.map { $0.contains(#""class":"note""#) } == [true, true, true, true])
        #expect(lines[3].contains("and its second"))
        follower.stop(with: SIGKILL)
    }
}
