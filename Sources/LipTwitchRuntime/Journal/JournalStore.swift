#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal
import LipTwitchSystem

/// Appends records to the journal directory, each to the file of its month
/// (`YYYY-MM.jsonl` by local time), crash-safe and shared with other writers
/// (`JournalFile`): one locked write per record, then fdatasync.
///
/// One store per process is enough; it keeps the current month's file open.
public final class JournalStore {
    public let directory: String
    /// What was repaired or needs attention (modes that let others read), as sentences.
    public private(set) var notices: [String]
    private var file: (month: JournalMonth, file: JournalFile)?

    /// Where and how a record went.
    public struct Receipt: Sendable, Equatable {
        public var path: String
        public var outcome: JournalFile.Outcome
    }

    /// Creates the directory (0700) when missing and checks its mode.
    public init(directory: String) throws(JournalError) {
        IgnoredSignals.ignoreFileSizeLimit()
        self.directory = directory
        notices = try JournalDirectory.prepare(directory)
    }

    /// Writes `record` to the end of its month's file.
    @discardableResult
    public func append(_ record: JournalRecord) throws(JournalError) -> Receipt {
        try append(EncodedRecord(record))
    }

    /// Writes the line of `encoded` to the end of its record's month's file.
    @discardableResult
    public func append(_ encoded: EncodedRecord) throws(JournalError) -> Receipt {
        let record = encoded.record
        let month = JournalMonth(of: record.time)
        let file = try file(for: month)
        let line = Array((encoded.line + "\n").utf8)
        let outcome = try file.append(line) {
            let header = JournalRecord(
                id: UUID(), time: record.time, source: record.source, session: record.session, clock: record.clock,
                body: .header(HeaderRecord(month: month)))
            return Array((header.jsonLine + "\n").utf8)
        }
        return Receipt(path: file.path, outcome: outcome)
    }

    private func file(for month: JournalMonth) throws(JournalError) -> JournalFile {
        if let file, file.month == month { return file.file }
        file = nil
        let opened = try JournalFile(path: directory + "/" + month.fileName, directory: directory)
        notices += opened.notices
        file = (month, opened)
        return opened
    }
}
