import Foundation
import LipTwitchJournal
import LipTwitchSignals
import Synchronization
import Testing

/// Writers killed in the middle of writing, and writers writing at the same moment.
@Suite struct JournalCrashTests {
    private let hammer = LiptwitchProcess.built("journal-hammer")

    /// The `n`s of the hammer notes `"TAG n xxx…"` of each tag in the journal.
    private func hammerNotes(_ files: JournalFiles) throws -> [String: [Int]] {
        var notes: [String: [Int]] = [:]
        for text in try files.noteTexts() {
            let words = text.split(separator: " ", maxSplits: 2)
            guard words.count >= 2, let number = Int(words[1]) else { continue }
            notes[String(words[0]), default: []].append(number)
        }
        return notes
    }

    @Test func aWriterKilledAtRandomMomentsLosesAtMostTheRecordInFlight() throws {
        let files = try JournalFiles()
        var random = SignalRandom(seed: 2026)
        var acknowledged: [String: Set<Int>] = [:]
        let kills = 50
        for run in 0..<kills {
            let tag = "run\(run)"
            let writer = try RunningProcess(hammer, ["append", files.directory, tag, "0", "\(run)"])
            writer.waitForLines(Int.random(in: 1...12, using: &random))
            acknowledged[tag] = Set(writer.stop(with: SIGKILL).compactMap(Int.init))
        }
        let (_, tornBeforeSealing) = try files.read()
        #expect(tornBeforeSealing <= kills)

        try JournalStoreWriter(directory: files.directory).append(note: "after the crashes", at: "2026-11-21T12:00:00Z")
        let (records, torn) = try files.read()
        #expect(torn == tornBeforeSealing, "sealing adds no unreadable line")
        #expect(torn <= kills, "at most one torn line per kill")
        #expect(records.contains { if case .note(let note) = $0.body { note.text == "after the crashes" } else { false } })
        let found = try hammerNotes(files)
        for (tag, acked) in acknowledged {
            let present = Set(found[tag] ?? [])
            #expect(present.count == (found[tag] ?? []).count, "\(tag): no record twice")
            #expect(acked.isSubset(of: present), "\(tag): every acknowledged record is there")
            let inFlight = (acked.max() ?? 0) + 1
            #expect(present.subtracting(acked).isSubset(of: [inFlight]), "\(tag): nothing but the record in flight")
        }
        #expect(try files.lines().last?.contains("after the crashes") == true)
    }

    @Test func notesAndOtherWritersAtTheSameMomentNeverInterleave() throws {
        let files = try JournalFiles()
        try JournalStoreWriter(directory: files.directory).append(note: "first", at: "2026-11-21T12:00:00Z")
        let hammers = try ["alpha", "beta"].enumerated().map { index, tag in
            try RunningProcess(hammer, ["append", files.directory, tag, "150", "\(index + 7)"])
        }
        let notes = DispatchGroup()
        let failed = Mutex<[String]>([])
        let directory = files.directory
        for thread in 0..<8 {
            notes.enter()
            Thread {
                for index in 0..<5 {
                    let result = try? LiptwitchProcess.run(
                        ["note", "cli \(thread * 5 + index) padding", "--tag", "concurrency", "--journal", directory])
                    if result?.status != 0 { failed.withLock { $0.append(result?.standardError ?? "did not run") } }
                }
                notes.leave()
            }.start()
        }
        let store = try JournalStoreWriter(directory: files.directory)
        for index in 1...100 { try store.append(note: "test \(index) padding", at: "2026-11-21T12:00:00Z") }
        #expect(notes.wait(timeout: .now() + 300) == .success)
        for writer in hammers { #expect(writer.waitForExit() == 0) }
        #expect(failed.withLock { $0.isEmpty }, "\(failed.withLock { $0 })")

        let (records, skipped) = try files.read()
        #expect(skipped == 0, "every line parses: none interleaved")
        let found = try hammerNotes(files)
        #expect(found["alpha"]?.sorted() == Array(1...150) && found["beta"]?.sorted() == Array(1...150))
        #expect(found["cli"]?.sorted() == Array(0..<40))
        #expect(found["test"]?.sorted() == Array(1...100))
        #expect(records.filter { $0.kind == .header }.count == Set(records.map { JournalMonth(of: $0.time) }).count)
    }
}
