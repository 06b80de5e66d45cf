import Foundation
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSignals
import LipTwitchSimulator
import Testing

/// Reading: tolerance, retractions, filters.
@Suite struct JournalReaderTests {
    /// A journal directory holding one file with these lines.
    private func journal(_ lines: [String], month: String = "2026-11") throws -> TemporaryDirectory {
        let temporary = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: temporary.journal, withIntermediateDirectories: true)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: temporary.journal + "/\(month).jsonl"))
        return temporary
    }

    private func read(_ temporary: TemporaryDirectory, _ filter: RecordFilter = RecordFilter()) throws
        -> (texts: [String], summary: ReadSummary)
    {
        var records: [JournalRecord] = []
        let summary = try JournalReader(directory: temporary.journal).read(filter) { record, _ in records.append(record) }
        return (Notes.texts(records), summary)
    }

    @Test func badLinesAreSkippedCountedAndLocatedAndTheRestIsRead() throws {
        let good = Notes.note("good", at: "2026-11-21T14:05:00Z").jsonLine
        let extended = good.replacingOccurrences(of: #""text":"good""#, with: #""text":"extended","mood":{"x":[1]}"#)
        let temporary = try journal([
            good,
            "garbage \u{1} not json",
            #"{"class":"mood","format":"1.4","id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01"}"#,
            good.replacingOccurrences(of: #""format":"1.1""#, with: #""format":"2.0""#),
            #"{"class":"note","format":"1.0","id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01"}"#,
            "",
            "{\"class\":\"note\",\"text\":\"" + String(repeating: "a", count: 1_100_000) + "\"}",
            extended,
            "[1,2,3]",
        ])
        let (texts, summary) = try read(temporary)
        #expect(texts == ["good", "extended"])
        #expect(summary.skipped.counts == [.unreadable: 3, .unknownType: 1, .unsupportedFormat: 1, .invalid: 1])
        #expect(summary.skipped.examples.map(\.location.line) == [2, 3, 4, 5, 7])
        let sentence = try #require(summary.skipped.sentence)
        #expect(sentence.hasPrefix("skipped 6 lines: 3 unreadable, 1 of an unknown type, 1 of a newer format, 1 invalid."))
        #expect(sentence.contains("2026-11.jsonl:2: not a JSON object"))
        #expect(sentence.contains("2026-11.jsonl:3: record type 'mood' is not known to this version"))
        #expect(sentence.contains("2026-11.jsonl:5: note record: field 'time' is missing"))
        #expect(sentence.hasSuffix("; and 1 more"))
    }

    @Test func aFileOfGarbageIsReadToTheEndInBoundedMemory() throws {
        var generator = SignalRandom(seed: 21)
        let temporary = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: temporary.journal, withIntermediateDirectories: true)
        var noise = Data(count: 3_000_000)
        noise.withUnsafeMutableBytes { bytes in
            for index in stride(from: 0, to: bytes.count, by: 8) {
                withUnsafeBytes(of: generator.next()) { word in
                    for offset in 0..<min(8, bytes.count - index) { bytes[index + offset] = word[offset] }
                }
            }
        }
        try noise.write(to: URL(fileURLWithPath: temporary.journal + "/2026-10.jsonl"))
        let (texts, summary) = try read(temporary)
        #expect(texts.isEmpty && summary.files == 1)
        #expect(summary.skipped.total > 0 && summary.skipped.counts.keys.allSatisfy { $0 == .unreadable })
    }

    @Test func retractedRecordsAndTheirRetractionsAreLeftOut() throws {
        let first = Notes.note("written by mistake", at: "2026-11-21T14:05:00Z")
        let temporary = try journal([
            first.jsonLine,
            Notes.note("kept", at: "2026-11-21T14:06:00Z").jsonLine,
        ])
        let store = try JournalStore(directory: temporary.journal)
        try store.append(Notes.retraction(of: first.id, at: "2026-12-02T09:00:00Z"))
        let (texts, summary) = try read(temporary, RecordFilter(kinds: RecordKinds.all.subtracting(.header)))
        #expect(texts == ["kept"])
        #expect(summary.retracted == 2 && summary.records == 1)
        let (notesOnly, _) = try read(temporary, RecordFilter(kinds: [.note]))
        #expect(notesOnly == ["kept"])
    }

    @Test func aRetractionIsFoundWhereverItsClassIsWritten() throws {
        let first = Notes.note("written by mistake", at: "2026-11-21T14:05:00Z")
        let retraction = Notes.retraction(of: first.id, at: "2026-12-02T09:00:00Z").jsonLine
        let classFirst = #"{"class":"retraction","#
        #expect(retraction.hasPrefix(classFirst))
        let classLast = "{" + retraction.dropFirst(classFirst.count).dropLast() + #","class":"retraction"}"#
        let temporary = try journal([
            first.jsonLine,
            Notes.note("a retraction of the plan", at: "2026-11-21T14:06:00Z").jsonLine,
            classLast,
        ])
        let (texts, summary) = try read(temporary, RecordFilter(kinds: [.note]))
        #expect(texts == ["a retraction of the plan"])
        #expect(summary.retracted == 2)
    }

    @Test func filtersChooseByTypeAndByTheTimeARecordIsAbout() throws {
        let temporary = try TemporaryDirectory()
        let store = try JournalStore(directory: temporary.journal)
        for (text, time) in [("sep", "2026-09-15T12:00:00Z"), ("oct", "2026-10-15T12:00:00Z"),
                             ("nov", "2026-11-15T12:00:00Z")] {
            try store.append(Notes.note(text, at: time))
        }
        var lateNote = Notes.note("about october, written in november", at: "2026-11-20T12:00:00Z")
        if case .note(var note) = lateNote.body {
            note.at = LocalTime(rfc3339: "2026-10-20T12:00:00Z")!
            lateNote.body = .note(note)
        }
        try store.append(lateNote)
        let since = LocalTime(rfc3339: "2026-10-05T00:00:00Z")
        let until = LocalTime(rfc3339: "2026-11-01T00:00:00Z")
        let (october, summary) = try read(temporary, RecordFilter(kinds: [.note], since: since, until: until))
        #expect(october == ["oct", "about october, written in november"])
        #expect(summary.files == 2, "September's file cannot hold anything about October")
        let (headersOnly, _) = try read(temporary, RecordFilter(kinds: [.header]))
        #expect(headersOnly.isEmpty)
    }

    @Test func lineSplittingDoesNotDependOnChunking() {
        let lines = ["{\"a\":1}", "", String(repeating: "b", count: 300), "tail without newline"]
        let text = Array(lines.joined(separator: "\n").utf8)
        for chunkSize in [1, 2, 7, 64, 1000] {
            var splitter = LineSplitter(maximumLineLength: 200)
            var seen: [String] = []
            let collect = { (line: LineSplitter.Line) in
                switch line {
                case .text(let bytes): seen.append(String(decoding: bytes, as: UTF8.self))
                case .tooLong: seen.append("<too long>")
                }
            }
            for start in stride(from: 0, to: text.count, by: chunkSize) {
                text[start..<min(text.count, start + chunkSize)].withUnsafeBytes { splitter.feed($0, collect) }
            }
            splitter.finish(collect)
            #expect(seen == ["{\"a\":1}", "", "<too long>", "tail without newline"], "chunks of \(chunkSize)")
        }
    }
}
