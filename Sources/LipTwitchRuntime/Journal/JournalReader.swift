#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal
import LipTwitchSystem

/// Reads the journal: every month file in order, every record that passes a filter,
/// handed out one at a time with its line as written, so a year of records streams
/// through in constant memory. Lines that are not readable records are counted and
/// located (`ReadSummary.skipped`), never fatal.
///
/// Retractions are resolved: a retracted record and its retraction are both left out. This
/// takes a quick first pass over the files that decodes only the retraction lines.
public struct JournalReader: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The months with a file, oldest first; nil when the directory does not exist.
    public func months() throws(JournalError) -> [JournalMonth]? {
        try JournalDirectory.entries(directory).map { names in
            names.compactMap(JournalMonth.init(fileName:)).sorted()
        }
    }

    /// Hands every record that passes `filter` to `body` with its line (valid only during
    /// the call), oldest file first, in the order written.
    public func read(
        _ filter: RecordFilter, _ body: (JournalRecord, UnsafeRawBufferPointer) throws -> Void
    ) throws -> ReadSummary {
        // Retractions come after what they withdraw, so the months read suffice.
        let months = (try months() ?? []).filter(filter.mayInclude)
        var sink = RecordSink(filter: filter, withdrawn: try retractedIDs(in: months))
        for month in months {
            var cursor = try MonthFileCursor(directory: directory, month: month)
            let file = month.fileName
            let take = { (line: LineSplitter.Line, number: Int) in
                _ = try sink.take(line, number: number, file: file, body)
            }
            try cursor.readAvailable(take)
            try cursor.finish(take)
            sink.summary.files += 1
        }
        return sink.summary
    }

    /// Reads like `read`, then waits for records appended later (to the last month's file,
    /// or to a new month's) and hands them out as they come. `whenCaughtUp` is called each
    /// time everything written so far has been handed out, before waiting: it returns false
    /// to stop. A retraction that arrives while following is handed out like any record.
    /// `onSkip` hears of each line skipped.
    public func follow(
        _ filter: RecordFilter, whenCaughtUp: () throws -> Bool, onSkip: (LineLocation, SkipReason) -> Void,
        _ body: (JournalRecord, UnsafeRawBufferPointer) throws -> Void
    ) throws -> ReadSummary {
        var watch: DirectoryWatch?
        var months = try months() ?? []
        while months.isEmpty {
            guard try whenCaughtUp() else { return ReadSummary() }
            waitForChange(&watch)
            months = try self.months() ?? []
        }
        let first = months.first(where: filter.mayInclude) ?? months[months.count - 1]
        var sink = RecordSink(filter: filter, withdrawn: try retractedIDs(in: months.filter { $0 >= first }))
        var cursor = try MonthFileCursor(directory: directory, month: first)
        while true {
            let file = cursor.month.fileName
            let take = { (line: LineSplitter.Line, number: Int) in
                if let reason = try sink.take(line, number: number, file: file, body) {
                    onSkip(LineLocation(file: file, line: number), reason)
                }
            }
            try cursor.readAvailable(take)
            if let next = try self.months()?.first(where: { $0 > cursor.month }) {
                // What was appended between the read above and the next month's file.
                try cursor.readAvailable(take)
                try cursor.finish(take)
                sink.summary.files += 1
                cursor = try MonthFileCursor(directory: directory, month: next)
                continue
            }
            guard try whenCaughtUp() else { return sink.summary }
            waitForChange(&watch)
        }
    }

    /// Waits (without spinning) until something in the directory changes, or a second. The
    /// watch is set up on the first call once the directory exists, and that call returns at
    /// once, so a change made before the watch began is read and not missed.
    private func waitForChange(_ watch: inout DirectoryWatch?) {
        if let watch {
            watch.wait(timeoutMilliseconds: 1000)
        } else if let made = try? DirectoryWatch(path: directory) {
            watch = made
        } else {
            DirectoryWatch.pause(milliseconds: 1000)
        }
    }

    /// Ids of the records withdrawn by a retraction, and of the retractions themselves.
    private func retractedIDs(in months: [JournalMonth]) throws -> Set<UUID> {
        var withdrawn = Set<UUID>()
        var decoder = JournalLineDecoder()
        for month in months {
            var cursor = try MonthFileCursor(directory: directory, month: month)
            let collect = { (line: LineSplitter.Line, _: Int) in
                guard case .text(let bytes) = line, Self.mentionsRetraction(bytes),
                    case .record(let record) = decoder.decode(bytes, kinds: [.retraction]),
                    case .retraction(let retraction) = record.body
                else { return }
                withdrawn.insert(retraction.retracts)
                withdrawn.insert(record.id)
            }
            try cursor.readAvailable(collect)
            cursor.finish(collect)
        }
        return withdrawn
    }

    /// A quick look for the word `retraction` before decoding a line (class values are
    /// written without escapes, docs/JOURNAL.md). Lines that start with the class, as
    /// LipTwitch writes them, are answered from their first bytes.
    static func mentionsRetraction(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if holds(classPrefix, in: bytes, at: 0) {
            return holds(retractionWord, in: bytes, at: classPrefix.count)
        }
        let word = retractionWord
        guard bytes.count >= word.count else { return false }
        var index = 0
        while index <= bytes.count - word.count {
            if bytes[index] == word[0], (1..<word.count).allSatisfy({ bytes[index + $0] == word[$0] }) { return true }
            index += 1
        }
        return false
    }

    /// Whether `bytes` hold `word` (8 to 16 bytes, as both words here are) at `offset`,
    /// compared as two 8-byte loads, its first and its last eight bytes: every line is asked.
    private static func holds(_ word: [UInt8], in bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let count = word.count
        assert((8...16).contains(count))
        guard bytes.count >= offset + count else { return false }
        return word.withUnsafeBytes { word in
            word.loadUnaligned(as: UInt64.self) == bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                && word.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == bytes.loadUnaligned(fromByteOffset: offset + count - 8, as: UInt64.self)
        }
    }

    private static let classPrefix = Array(#"{"class":""#.utf8)
    private static let retractionWord = Array("retraction".utf8)
}
