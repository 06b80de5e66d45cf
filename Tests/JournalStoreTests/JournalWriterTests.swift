import Foundation
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem
import Testing
import TestSupport

/// The daemon's writer when the journal cannot be written, with a real failure: a
/// directory stands where the month's file should be, so opening it fails (EISDIR) until
/// it is removed. (Disk full, file size limits and read-only mounts are tested on the
/// built executables in LiptwitchCLITests.)
@Suite struct JournalWriterTests {
    private let stamper = RecordStamper(tool: "journal tests", version: "0", clock: PinnedClock.at("2026-11-21T15:10:00+01:00"))

    @Test func recordsWaitWhileTheJournalFailsAndAreWrittenInOrderWhenItWorks() throws {
        let temporary = try TemporaryDirectory()
        let blocker = temporary.journal + "/2026-11.jsonl"
        let writer = JournalWriter(store: try JournalStore(directory: temporary.journal), stamper: stamper)
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)

        let first = writer.append(Notes.note("one", at: "2026-11-21T14:05:00Z"))
        #expect(first.written == 0 && first.pending == 1)
        #expect(first.error?.description.hasPrefix("cannot open the journal file '\(blocker)': is a directory") == true)
        #expect(writer.append(Notes.note("two", at: "2026-11-21T14:06:00Z")).pending == 2)
        #expect(writer.retry().pending == 2)

        try FileManager.default.removeItem(atPath: blocker)
        let recovered = writer.retry()
        #expect(recovered.written == 2 && recovered.pending == 0 && recovered.error == nil)
        let next = writer.append(Notes.note("three", at: "2026-11-21T14:07:00Z"))
        #expect(next.written == 1 && next.pending == 0)

        var texts: [String] = []
        _ = try JournalReader(directory: temporary.journal).read(RecordFilter(kinds: [.note])) { record, _ in
            texts += Notes.texts([record])
        }
        #expect(texts == ["one", "two", "three"])
    }

    @Test func aFullBacklogDropsTheOldestAndAGapRecordSaysSo() throws {
        let temporary = try TemporaryDirectory()
        let blocker = temporary.journal + "/2026-11.jsonl"
        let writer = JournalWriter(
            store: try JournalStore(directory: temporary.journal), stamper: stamper, backlogCapacity: 3)
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        for minute in 0..<5 {
            writer.append(Notes.note("note \(minute)", at: "2026-11-21T14:0\(minute):00Z"))
        }
        #expect(writer.retry().droppedTotal == 2)
        try FileManager.default.removeItem(atPath: blocker)
        let recovered = writer.retry()
        #expect(recovered.written == 4 && recovered.pending == 0 && recovered.droppedTotal == 2)

        var records: [JournalRecord] = []
        _ = try JournalReader(directory: temporary.journal).read(RecordFilter(kinds: [.note, .gap])) { record, _ in
            records.append(record)
        }
        #expect(Notes.texts(records) == ["note 2", "note 3", "note 4"])
        guard case .gap(let gap) = records.first?.body else {
            Issue.record("no gap record first")
            return
        }
        #expect(gap.reason == .journalUnwritable && gap.lostRecords == 2)
        #expect(gap.start == LocalTime(rfc3339: "2026-11-21T14:00:00Z") && gap.end == LocalTime(rfc3339: "2026-11-21T14:01:00Z"))
    }

    @Test func manyThreadsShareOneWriter() async throws {
        let temporary = try TemporaryDirectory()
        let writer = JournalWriter(store: try JournalStore(directory: temporary.journal), stamper: stamper)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for index in 0..<25 { writer.append(Notes.note("\(task)-\(index)", at: "2026-11-21T14:05:00Z")) }
                }
            }
        }
        var count = 0
        let summary = try JournalReader(directory: temporary.journal).read(RecordFilter(kinds: [.note])) { _, _ in
            count += 1
        }
        #expect(count == 100 && summary.skipped.total == 0)
    }
}
