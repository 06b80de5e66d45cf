import Foundation
import LipTwitchJournal
import LipTwitchRuntime
import Synchronization
import Testing

/// Following the journal while it is written, across a month's end. The follower runs on
/// its own thread; the test waits for what it hands out (seconds of patience, no sleeps).
@Suite struct JournalFollowTests {
    /// What the follower has seen, shared between its thread and the test.
    final class Seen: Sendable {
        let texts = Mutex<[String]>([])
        let skipped = Mutex<[String]>([])
        let stop = Mutex(false)
        let done = DispatchSemaphore(value: 0)
        let changed = DispatchSemaphore(value: 0)

        /// Waits until `count` texts were seen, or 20 seconds.
        func waitFor(_ count: Int) -> [String] {
            let deadline = ContinuousClock.now.advanced(by: .seconds(20))
            while texts.withLock({ $0.count }) < count, ContinuousClock.now < deadline {
                _ = changed.wait(timeout: .now() + 1)
            }
            return texts.withLock { $0 }
        }
    }

    @Test func newRecordsAreHandedOutAsTheyComeAcrossAMonthsEnd() throws {
        let temporary = try TemporaryDirectory()
        let store = try JournalStore(directory: temporary.journal)
        try store.append(Notes.note("already there", at: "2026-11-30T23:58:00+01:00"))
        let seen = Seen()
        let directory = temporary.journal
        Thread {
            _ = try? JournalReader(directory: directory).follow(
                RecordFilter(kinds: [.note]),
                whenCaughtUp: { !seen.stop.withLock { $0 } },
                onSkip: { location, _ in
                    seen.skipped.withLock { $0.append(location.description) }
                    seen.changed.signal()
                },
                { record, _ in
                    seen.texts.withLock { $0 += Notes.texts([record]) }
                    seen.changed.signal()
                })
            seen.done.signal()
        }.start()

        #expect(seen.waitFor(1) == ["already there"])
        try store.append(Notes.note("last minute of november", at: "2026-11-30T23:59:00+01:00"))
        #expect(seen.waitFor(2).last == "last minute of november")
        let handle = try #require(FileHandle(forWritingAtPath: directory + "/2026-11.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data("garbage\n{\"torn".utf8))
        try handle.close()
        try store.append(Notes.note("first of december", at: "2026-12-01T00:00:30+01:00"))
        try store.append(Notes.note("second of december", at: "2026-12-01T00:01:00+01:00"))
        #expect(seen.waitFor(4) == ["already there", "last minute of november", "first of december", "second of december"])
        // The follower may reach November's new tail after December's records: wait for it.
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while seen.skipped.withLock({ $0.count }) < 2, ContinuousClock.now < deadline { _ = seen.changed.wait(timeout: .now() + 1) }
        #expect(seen.skipped.withLock { $0 } == ["2026-11.jsonl:4", "2026-11.jsonl:5"])

        seen.stop.withLock { $0 = true }
        try store.append(Notes.note("wakes the follower", at: "2026-12-01T00:02:00+01:00"))
        #expect(seen.done.wait(timeout: .now() + 20) == .success)
    }

    @Test func followingAJournalThatDoesNotExistYetWaitsForIt() throws {
        let temporary = try TemporaryDirectory()
        let seen = Seen()
        let directory = temporary.journal
        Thread {
            _ = try? JournalReader(directory: directory).follow(
                RecordFilter(kinds: [.note]), whenCaughtUp: { !seen.stop.withLock { $0 } }, onSkip: { _, _ in },
                { record, _ in
                    seen.texts.withLock { $0 += Notes.texts([record]) }
                    seen.changed.signal()
                })
            seen.done.signal()
        }.start()
        try JournalStore(directory: directory).append(Notes.note("the first note", at: "2026-11-21T14:05:00Z"))
        #expect(seen.waitFor(1) == ["the first note"])
        seen.stop.withLock { $0 = true }
        try JournalStore(directory: directory).append(Notes.note("wake", at: "2026-11-21T14:06:00Z"))
        #expect(seen.done.wait(timeout: .now() + 20) == .success)
    }
}
