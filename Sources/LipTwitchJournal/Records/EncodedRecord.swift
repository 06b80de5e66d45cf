/// A record and its JSON line, encoded once: the daemon writes these bytes to the journal
/// and sends the same bytes to its live subscribers.
public struct EncodedRecord: Sendable {
    public let record: JournalRecord
    /// The record's line as docs/JOURNAL.md writes it, without the newline.
    public let line: String

    public init(_ record: JournalRecord) {
        self.record = record
        line = record.jsonLine
    }
}
