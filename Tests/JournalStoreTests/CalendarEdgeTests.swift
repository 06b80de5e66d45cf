import Foundation
import LipTwitchJournal
import LipTwitchRuntime
import Testing
import TestSupport

/// The journal at the edges of the calendar, with the writer's clock set by the test: the
/// rule (docs/JOURNAL.md) is that a record goes to the month file of its own `time`, on the
/// local calendar at the offset it carries. Real files, real time zone data; nothing here
/// reads the machine's clock or zone.
@Suite struct CalendarEdgeTests {
    /// Notes written one a second by the daemon's writer from `start` on, `count` of them.
    private func writeNotes(from start: String, zone: String, count: Int, step: Double = 1, in directory: String)
        throws -> [JournalRecord]
    {
        let clock = ManualClock(start, zone: zone)
        let stamper = RecordStamper(tool: "calendar tests", version: "0", clock: clock.clock)
        let writer = JournalWriter(store: try JournalStore(directory: directory), stamper: stamper)
        var written: [JournalRecord] = []
        for index in 0..<count {
            let record = stamper.record(.note(NoteRecord(text: "note \(index)", tags: ["test"], at: stamper.clock.now())))
            #expect(writer.append(record).error == nil)
            written.append(record)
            clock.advance(seconds: step)
        }
        return written
    }

    /// Every month file with the records in it, as the reader hands them out.
    private func monthsAndRecords(in directory: String) throws -> [String: [JournalRecord]] {
        var files: [String: [JournalRecord]] = [:]
        _ = try JournalReader(directory: directory).read(RecordFilter(kinds: [.note, .gap])) { record, _ in
            files[JournalMonth(of: record.time).fileName, default: []].append(record)
        }
        return files
    }

    /// The `month` field of every header, by file name, read from the files themselves.
    private func headerMonths(in directory: String) throws -> [String: String] {
        var months: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".jsonl") {
            let first = try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8).prefix { $0 != "\n" }
            let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
            months[name] = object?["month"] as? String
        }
        return months
    }

    @Test(arguments: [
        ("2026-11-30T23:59:58.500+01:00", "Europe/Berlin", ["2026-11.jsonl": 2, "2026-12.jsonl": 2]),
        ("2026-12-31T23:59:58.500+01:00", "Europe/Berlin", ["2026-12.jsonl": 2, "2027-01.jsonl": 2]),
        ("2026-12-31T23:59:58.500-05:00", "America/New_York", ["2026-12.jsonl": 2, "2027-01.jsonl": 2]),
        ("2028-02-28T23:59:58.500+01:00", "Europe/Berlin", ["2028-02.jsonl": 4]),
        ("2028-02-29T23:59:58.500+01:00", "Europe/Berlin", ["2028-02.jsonl": 2, "2028-03.jsonl": 2]),
    ])
    func aWriterRunningAcrossMidnightFilesEachRecordByItsOwnTime(start: String, zone: String, expected: [String: Int])
        throws
    {
        let temporary = try TemporaryDirectory()
        let written = try writeNotes(from: start, zone: zone, count: 4, in: temporary.journal)
        let files = try monthsAndRecords(in: temporary.journal)
        #expect(files.mapValues(\.count) == expected)
        #expect(files.values.flatMap { $0 }.count == written.count, "nothing lost, nothing twice")
        let headers = try headerMonths(in: temporary.journal)
        #expect(Set(headers.keys) == Set(expected.keys))
        for (file, month) in headers { #expect(file == "\(month).jsonl", "a file's header names its month") }
        var order: [UUID] = []
        _ = try JournalReader(directory: temporary.journal).read(RecordFilter(kinds: [.note])) { record, _ in
            order.append(record.id)
        }
        #expect(order == written.map(\.id), "the reader hands them out in the order written")
    }

    @Test func theTwentyNinthOfFebruaryIsADayLikeAnyOther() throws {
        let temporary = try TemporaryDirectory()
        let written = try writeNotes(
            from: "2028-02-28T12:00:00+01:00", zone: "Europe/Berlin", count: 3, step: 86_400, in: temporary.journal)
        #expect(written.map { $0.time.civil.date.description } == ["2028-02-28", "2028-02-29", "2028-03-01"])
        #expect(try monthsAndRecords(in: temporary.journal).mapValues(\.count) == ["2028-02.jsonl": 2, "2028-03.jsonl": 1])
        let leapDay = RecordFilter(
            kinds: [.note], since: LocalTime(rfc3339: "2028-02-29T00:00:00+01:00"),
            until: LocalTime(rfc3339: "2028-03-01T00:00:00+01:00"))
        var texts: [String] = []
        _ = try JournalReader(directory: temporary.journal).read(leapDay) { record, _ in texts += Notes.texts([record]) }
        #expect(texts == ["note 1"])
    }

    @Test func theHourSkippedInSpringChangesTheOffsetNotTheFile() throws {
        // Europe/Berlin, 2031-03-30: at 02:00 CET the clocks go to 03:00 CEST.
        let temporary = try TemporaryDirectory()
        let written = try writeNotes(
            from: "2031-03-30T01:59:30+01:00", zone: "Europe/Berlin", count: 3, step: 30, in: temporary.journal)
        #expect(written.map(\.time.rfc3339) == [
            "2031-03-30T01:59:30.000+01:00", "2031-03-30T03:00:00.000+02:00", "2031-03-30T03:00:30.000+02:00",
        ])
        #expect(try monthsAndRecords(in: temporary.journal).mapValues(\.count) == ["2031-03.jsonl": 3])
    }

    @Test func theHourRepeatedInAutumnKeepsBothPassesInOrder() throws {
        // America/New_York, 2031-11-02: at 02:00 EDT the clocks go back to 01:00 EST.
        let temporary = try TemporaryDirectory()
        let written = try writeNotes(
            from: "2031-11-02T01:30:00-04:00", zone: "America/New_York", count: 3, step: 1800, in: temporary.journal)
        #expect(written.map(\.time.rfc3339) == [
            "2031-11-02T01:30:00.000-04:00", "2031-11-02T01:00:00.000-05:00", "2031-11-02T01:30:00.000-05:00",
        ])
        var read: [LocalTime] = []
        _ = try JournalReader(directory: temporary.journal).read(RecordFilter(kinds: [.note])) { record, _ in
            read.append(record.time)
        }
        #expect(read == written.map(\.time))
        #expect(read == read.sorted(), "ordered by instant though the wall clock went back")
    }

    @Test func aGapRecordIsFiledByWhenTheWriterWroteItNotByWhatItLost() throws {
        // The journal fails from 23:59:50 on New Year's Eve until after midnight: the gap
        // record that says what was lost is written in January, about December.
        let temporary = try TemporaryDirectory()
        let clock = ManualClock("2026-12-31T23:59:50+01:00")
        let stamper = RecordStamper(tool: "calendar tests", version: "0", clock: clock.clock)
        let blocker = temporary.journal + "/2026-12.jsonl"
        let writer = JournalWriter(store: try JournalStore(directory: temporary.journal), stamper: stamper, backlogCapacity: 2)
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        for second in 0..<4 {
            writer.append(stamper.record(.note(NoteRecord(text: "note \(second)", tags: [], at: clock.clock.now()))))
            clock.advance(seconds: 1)
        }
        clock.set("2027-01-01T00:00:05+01:00")
        try FileManager.default.removeItem(atPath: blocker)
        #expect(writer.retry().error == nil)
        let files = try monthsAndRecords(in: temporary.journal)
        #expect(files.mapValues(\.count) == ["2026-12.jsonl": 2, "2027-01.jsonl": 1])
        guard case .gap(let gap) = files["2027-01.jsonl"]?.first?.body else {
            Issue.record("no gap record in January")
            return
        }
        #expect(gap.lostRecords == 2 && gap.start.rfc3339 == "2026-12-31T23:59:50.000+01:00")
    }
}
