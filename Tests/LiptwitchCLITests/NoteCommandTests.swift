import Foundation
import LipTwitchJournal
import Testing

/// `liptwitch note` end to end: the real executable, real files, the real time zone data.
@Suite struct NoteCommandTests {
    private func note(_ arguments: [String], in files: JournalFiles, zone: String = "Europe/Berlin") throws
        -> LiptwitchProcess.Result
    {
        try LiptwitchProcess.run(["note"] + arguments + ["--journal", files.directory], environment: ["TZ": zone])
    }

    @Test func aNoteIsWrittenAndTheSentenceSaysWhatAndWhere() throws {
        let files = try JournalFiles()
        let result = try note(["third coffee", "--tag", "caffeine", "--amount", "80mg", "--at", "yesterday 14:05"], in: files)
        #expect(result.status == 0, "\(result.standardError)")
        let sentence = try #require(result.outputLines.first)
        #expect(sentence.hasPrefix("noted \"third coffee\" #caffeine, 80 mg, about "))
        #expect(sentence.contains(" 14:05:00 (+0"))
        #expect(sentence.hasSuffix(" in \(files.directory)/\(try monthFile(files))"))
        #expect(result.standardError.isEmpty)
        let lines = try files.lines()
        #expect(lines.count == 2 && lines[0].contains(#""class":"header""#))
        let (records, skipped) = try files.read(RecordFilter(kinds: [.note]))
        #expect(skipped == 0)
        let record = try #require(records.first)
        #expect(record.source == RecordSource(tool: "liptwitch note", version: "0.1.0"))
        #expect(record.clock != nil)
        guard case .note(let written) = record.body else { return }
        #expect(written.tags == ["caffeine"] && written.amount == NoteRecord.Amount(value: 80, unit: "mg"))
        #expect(written.at.epochMilliseconds < record.time.epochMilliseconds)
    }

    private func monthFile(_ files: JournalFiles) throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: files.directory).first { $0.hasSuffix(".jsonl") } ?? ""
    }

    @Test(arguments: [
        ("Europe/Berlin", "2026-01-15T08:30", "2026-01-15T08:30:00.000+01:00"),
        ("Europe/Berlin", "2026-07-15T08:30", "2026-07-15T08:30:00.000+02:00"),
        ("Europe/Berlin", "2026-10-25T02:30", "2026-10-25T02:30:00.000+02:00"),
        ("America/New_York", "2026-01-15T08:30", "2026-01-15T08:30:00.000-05:00"),
        ("America/New_York", "2026-07-15T08:30", "2026-07-15T08:30:00.000-04:00"),
        ("Asia/Kathmandu", "2026-07-15T08:30", "2026-07-15T08:30:00.000+05:45"),
        ("Australia/Lord_Howe", "2026-01-15T08:30", "2026-01-15T08:30:00.000+11:00"),
        ("Australia/Lord_Howe", "2026-07-15T08:30", "2026-07-15T08:30:00.000+10:30"),
        ("America/St_Johns", "2026-01-15T08:30", "2026-01-15T08:30:00.000-03:30"),
        ("UTC", "2026-07-15T08:30", "2026-07-15T08:30:00.000+00:00"),
        ("Europe/Berlin", "2026-07-15T08:30-05:00", "2026-07-15T08:30:00.000-05:00"),
    ])
    func theTimeANoteIsAboutKeepsTheLocalOffsetOfThen(zone: String, at: String, written: String) throws {
        let files = try JournalFiles()
        let result = try note(["x", "--at", at], in: files, zone: zone)
        #expect(result.status == 0, "\(result.standardError)")
        let line = try #require(files.lines().last)
        #expect(line.contains(#""at":"\#(written)""#), "\(line)")
    }

    @Test func theRecordTimeHasTheOffsetOfNowInTheZone() throws {
        let files = try JournalFiles()
        #expect(try note(["x"], in: files, zone: "Asia/Kathmandu").status == 0)
        #expect(try files.lines().last?.contains(#"+05:45","source""#) == true)
    }

    @Test func theHourSkippedInSpringIsRefused() throws {
        let files = try JournalFiles()
        let result = try note(["x", "--at", "2026-03-29T02:30"], in: files)
        #expect(result.status == 1)
        #expect(result.standardError.contains("2026-03-29 02:30 never happened here: the clocks jumped over it"))
        #expect(try files.lines().isEmpty)
    }

    @Test(arguments: [
        (["x", "--at", "soon"], "--at: cannot read the time 'soon'; write it like 14:05"),
        (["x", "--at", "2099-01-01"], "--at 2099-01-01 00:00:00 is in the future"),
        (["x", "--amount", "lots"], "cannot read the amount 'lots'; write a number and a unit, like 80mg"),
        (["x", "--tag", "two words"], "the tag 'two words' has characters a tag cannot have"),
        ([], "write what happened, or give at least one --tag"),
        (["x", "--frobnicate"], "Unknown option '--frobnicate'"),
    ])
    func badInputGetsOneClearSentence(arguments: [String], message: String) throws {
        let files = try JournalFiles()
        let result = try note(arguments, in: files)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal") && !result.standardError.contains("Stack"))
        #expect(try files.lines().isEmpty)
    }

    @Test func tagsAreNormalizedAndATagOfYourOwnIsPointedOut() throws {
        let files = try JournalFiles()
        let result = try note(["", "--tag", "Caffeine,STRESS", "--tag", "cafeine"], in: files)
        #expect(result.status == 0)
        #expect(result.standardError.contains("#cafeine is a tag of your own"))
        #expect(try files.lines().last?.contains(#""tags":["caffeine","stress","cafeine"]"#) == true)
    }

    @Test func theDefaultJournalIsPrivateUnderTheDataHome() throws {
        let files = try JournalFiles()
        let environment: [String: String?] = ["HOME": files.root, "XDG_DATA_HOME": nil, "STATE_DIRECTORY": nil]
        let result = try LiptwitchProcess.run(["note", "private"], environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        let directory = files.root + "/.local/share/liptwitch/journal"
        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect(attributes[.posixPermissions] as? Int == 0o700)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first)
        let fileAttributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + file)
        #expect(fileAttributes[.posixPermissions] as? Int == 0o600)
    }

    @Test(arguments: [
        (["HOME": "/home/ann", "XDG_DATA_HOME": nil, "STATE_DIRECTORY": nil], [], "/home/ann/.local/share/liptwitch/journal"),
        (["HOME": "/home/ann", "XDG_DATA_HOME": "/data/ann", "STATE_DIRECTORY": nil], [], "/data/ann/liptwitch/journal"),
        (["HOME": "/home/ann", "XDG_DATA_HOME": "relative", "STATE_DIRECTORY": nil], [], "/home/ann/.local/share/liptwitch/journal"),
        (["HOME": "/home/ann", "STATE_DIRECTORY": "/var/lib/liptwitch:/var/lib/other"], [], "/var/lib/liptwitch/journal"),
        (["HOME": "/home/ann", "STATE_DIRECTORY": "/var/lib/liptwitch"], ["--journal", "/elsewhere"], "/elsewhere"),
    ] as [([String: String?], [String], String)])
    func journalPathSaysWhereTheJournalIs(environment: [String: String?], arguments: [String], path: String) throws {
        let result = try LiptwitchProcess.run(["journal", "path"] + arguments, environment: environment)
        #expect(result.status == 0)
        #expect(result.outputLines == [path])
    }

    /// The calibration profile's place follows the same XDG rule as the journal's: a
    /// relative `$XDG_CONFIG_HOME` is ignored, as the XDG specification says.
    @Test(arguments: [
        ("/config/ann", "/config/ann/liptwitch/profile.json"), ("relative", "/home/ann/.config/liptwitch/profile.json"),
    ])
    func theProfileIsUnderAnAbsoluteConfigurationDirectory(configuration: String, path: String) throws {
        let result = try LiptwitchProcess.run(
            ["analyze", "--help"], environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": configuration])
        #expect(String(decoding: result.standardOutput, as: UTF8.self).contains("(\(path))"))
    }
}
