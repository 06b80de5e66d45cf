import Foundation
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem
import Testing

/// The store with real files: headers, modes, months, torn lines.
@Suite struct JournalStoreTests {
    @Test func theFirstRecordOfAMonthComesAfterAHeader() throws {
        let temporary = try TemporaryDirectory()
        let store = try JournalStore(directory: temporary.journal)
        let first = try store.append(Notes.note("one", at: "2026-11-21T14:05:00.000+01:00"))
        let second = try store.append(Notes.note("two", at: "2026-11-21T14:06:00.000+01:00"))
        #expect(first.path == temporary.journal + "/2026-11.jsonl")
        #expect(first.outcome.wroteHeader && !second.outcome.wroteHeader)
        let lines = try temporary.contents(of: "2026-11.jsonl").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"class":"header","format":"1.1""#) && lines[0].contains(#""month":"2026-11""#))
        #expect(lines[1].contains(#""text":"one""#) && lines[2].contains(#""text":"two""#))
    }

    @Test func theDirectoryIsPrivateAndTheFilesToo() throws {
        let temporary = try TemporaryDirectory()
        try JournalStore(directory: temporary.journal + "/deeper").append(Notes.note("x", at: "2026-11-21T14:05:00Z"))
        #expect(try temporary.mode(of: temporary.journal) == 0o700)
        #expect(try temporary.mode(of: temporary.journal + "/deeper") == 0o700)
        #expect(try temporary.mode(of: temporary.journal + "/deeper/2026-11.jsonl") == 0o600)
    }

    @Test func modesThatLetOthersReadAreRepairedAndSaidSo() throws {
        let temporary = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: temporary.journal, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(FileManager.default.createFile(
            atPath: temporary.journal + "/2026-11.jsonl", contents: nil, attributes: [.posixPermissions: 0o644]))
        let store = try JournalStore(directory: temporary.journal)
        try store.append(Notes.note("x", at: "2026-11-21T14:05:00Z"))
        #expect(try temporary.mode(of: temporary.journal) == 0o700)
        #expect(try temporary.mode(of: temporary.journal + "/2026-11.jsonl") == 0o600)
        #expect(store.notices.count == 2)
        #expect(store.notices.allSatisfy { $0.hasPrefix("made '\(temporary.journal)") && $0.contains("its mode was") })
    }

    @Test func recordsGoToTheMonthOfTheirLocalTime() throws {
        let temporary = try TemporaryDirectory()
        let store = try JournalStore(directory: temporary.journal)
        try store.append(Notes.note("november", at: "2026-11-30T23:59:59.999+01:00"))
        try store.append(Notes.note("december", at: "2026-12-01T00:00:00.000+01:00"))
        try store.append(Notes.note("utc still november", at: "2026-11-30T23:30:00.000+00:00"))
        let reader = JournalReader(directory: temporary.journal)
        #expect(try reader.months() == [JournalMonth(year: 2026, month: 11)!, JournalMonth(year: 2026, month: 12)!])
        var records: [JournalRecord] = []
        let summary = try reader.read(RecordFilter(kinds: [.note])) { record, _ in records.append(record) }
        #expect(Notes.texts(records) == ["november", "utc still november", "december"])
        #expect(summary.files == 2 && summary.records == 3 && summary.skipped.total == 0)
    }

    @Test func aTornLastLineIsSealedAndCountedOnce() throws {
        let temporary = try TemporaryDirectory()
        let store = try JournalStore(directory: temporary.journal)
        try store.append(Notes.note("before the crash", at: "2026-11-21T14:05:00Z"))
        let torn = Array(Notes.note("in flight", at: "2026-11-21T14:06:00Z").jsonLine.utf8.prefix(70))
        let handle = try #require(FileHandle(forWritingAtPath: temporary.journal + "/2026-11.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data(torn))
        try handle.close()

        var records: [JournalRecord] = []
        let reader = JournalReader(directory: temporary.journal)
        let before = try reader.read(RecordFilter()) { record, _ in records.append(record) }
        #expect(before.skipped.total == 1 && before.skipped.examples.first?.location.line == 3)

        let reopened = try JournalStore(directory: temporary.journal)
        let receipt = try reopened.append(Notes.note("after", at: "2026-11-21T14:07:00Z"))
        #expect(!receipt.outcome.sealedTornLine, "opening the file sealed it")
        #expect(reopened.notices == ["sealed off a line that a crash left unfinished at the end of '\(receipt.path)'"])
        records = []
        let after = try reader.read(RecordFilter(kinds: [.note])) { record, _ in records.append(record) }
        #expect(Notes.texts(records) == ["before the crash", "after"])
        #expect(after.skipped.counts == [.unreadable: 1])
        #expect(after.skipped.examples.map(\.location.description) == ["2026-11.jsonl:3"])
        #expect(try temporary.contents(of: "2026-11.jsonl").hasSuffix("}\n"))
    }

    @Test func aLineTornWhileTheFileIsOpenIsSealedByTheNextAppend() throws {
        let temporary = try TemporaryDirectory()
        let store = try JournalStore(directory: temporary.journal)
        try store.append(Notes.note("first", at: "2026-11-21T14:05:00Z"))
        let handle = try #require(FileHandle(forWritingAtPath: temporary.journal + "/2026-11.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"class":"note","form"#.utf8))
        try handle.close()
        #expect(try store.append(Notes.note("second", at: "2026-11-21T14:06:00Z")).outcome.sealedTornLine)
        var texts: [String] = []
        let summary = try JournalReader(directory: temporary.journal).read(RecordFilter(kinds: [.note])) { record, _ in
            texts += Notes.texts([record])
        }
        #expect(texts == ["first", "second"] && summary.skipped.total == 1)
    }

    @Test func storesInSeveralThreadsNeverInterleave() async throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.journal
        _ = try JournalStore(directory: directory)
        let filler = String(repeating: "x", count: 20_000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let store = try JournalStore(directory: directory)
                    for index in 0..<50 {
                        try store.append(Notes.note("\(writer)-\(index) \(filler)", at: "2026-11-21T14:05:00Z"))
                    }
                }
            }
            try await group.waitForAll()
        }
        var texts: [String] = []
        let summary = try JournalReader(directory: directory).read(RecordFilter(kinds: [.note])) { record, _ in
            texts += Notes.texts([record])
        }
        #expect(summary.skipped.total == 0)
        #expect(texts.count == 200 && Set(texts).count == 200)
        let headers = try temporary.contents(of: "2026-11.jsonl").components(separatedBy: #""class":"header""#).count - 1
        #expect(headers == 1)
    }

    @Test func aPathThatIsAFileIsAClearError() throws {
        let temporary = try TemporaryDirectory()
        #expect(FileManager.default.createFile(atPath: temporary.journal, contents: Data("x".utf8)))
        #expect {
            _ = try JournalStore(directory: temporary.journal)
        } throws: { error in
            let error = error as? JournalError
            return error?.problem == .notADirectory
                && error?.description.hasPrefix("cannot use '\(temporary.journal)' as the journal directory") == true
        }
    }
}
