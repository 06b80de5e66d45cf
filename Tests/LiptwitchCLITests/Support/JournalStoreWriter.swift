import Foundation
import LipTwitchJournal
import LipTwitchRuntime

/// The test process writing to a journal through the real store, beside the executables.
struct JournalStoreWriter {
    let store: JournalStore

    init(directory: String) throws {
        store = try JournalStore(directory: directory)
    }

    func append(note text: String, at time: String) throws {
        let moment = LocalTime(rfc3339: time)!
        try store.append(
            JournalRecord(
                id: UUID(), time: moment, source: RecordSource(tool: "cli tests", version: "0"),
                body: .note(NoteRecord(text: text, at: moment))))
    }
}
