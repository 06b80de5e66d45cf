import Foundation
import LipTwitchJournal

/// Records with chosen times, for tests that need to know which month they land in.
enum Notes {
    static let source = RecordSource(tool: "journal tests", version: "0")

    static func note(_ text: String, at time: String, id: UUID = UUID()) -> JournalRecord {
        let moment = LocalTime(rfc3339: time)!
        return JournalRecord(
            id: id, time: moment, source: source, body: .note(NoteRecord(text: text, tags: ["test"], at: moment)))
    }

    static func retraction(of id: UUID, at time: String) -> JournalRecord {
        JournalRecord(
            id: UUID(), time: LocalTime(rfc3339: time)!, source: source,
            body: .retraction(RetractionRecord(retracts: id, reason: "written by mistake")))
    }

    /// The note texts in the order the reader hands them out.
    static func texts(_ records: [JournalRecord]) -> [String] {
        records.compactMap { record in
            if case .note(let note) = record.body { note.text } else { nil }
        }
    }
}
