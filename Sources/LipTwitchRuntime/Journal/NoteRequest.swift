import LipTwitchJournal
import LipTwitchSystem

/// What `liptwitch note` was asked to write: resolved against the clock and written to
/// the journal.
public struct NoteRequest: Sendable {
    public var text: String
    /// Already normalized (`NoteTag.normalized`).
    public var tags: [String]
    /// When it happened; nil means now.
    public var at: TimeExpression?
    public var amount: NoteRecord.Amount?

    public init(text: String, tags: [String], at: TimeExpression?, amount: NoteRecord.Amount?) {
        self.text = text
        self.tags = tags
        self.at = at
        self.amount = amount
    }

    /// Writes the note into the journal in `directory`, at the time now on the stamper's clock.
    public func write(to directory: String, stamper: RecordStamper) throws -> NoteReceipt {
        let now = stamper.clock.now()
        let moment = try at.map { expression throws(TimeExpressionError) in
            try expression.resolve(now: now, offsetAt: stamper.clock.zone.utcOffsetMinutes(at:))
        } ?? now
        guard moment.epochMilliseconds <= now.epochMilliseconds + TimeExpression.aheadTolerance else {
            throw NoteTimeError(moment: moment)
        }
        let store = try JournalStore(directory: directory)
        let record = stamper.record(.note(NoteRecord(text: text, tags: tags, at: moment, amount: amount)), at: now)
        let receipt = try store.append(record)
        var notices = store.notices
        if receipt.outcome.sealedTornLine {
            notices.append("sealed off a line that a crash left unfinished at the end of '\(receipt.path)'")
        }
        return NoteReceipt(record: record, path: receipt.path, notices: notices)
    }
}

/// A note about a moment still to come.
public struct NoteTimeError: Error, Sendable, CustomStringConvertible {
    public let moment: LocalTime

    public var description: String {
        "--at \(moment.civil) is in the future; a note is about something that happened, so give a time up to now"
    }
}

/// What `NoteRequest.write` wrote, and where.
public struct NoteReceipt: Sendable {
    public let record: JournalRecord
    public let path: String
    /// Repairs and warnings for the person (modes, a sealed torn line).
    public let notices: [String]

    /// `noted "third coffee" #caffeine, 80 mg, about 2026-11-21 14:05:00 (+01:00), in …/2026-11.jsonl`
    public var sentence: String {
        let offset = record.eventTime.rfc3339.suffix(6)
        return "noted \(record.summary), about \(record.tableTime) (\(offset)), in \(path)"
    }
}
