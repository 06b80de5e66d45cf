import Foundation
import LipTwitchJournal

/// A temporary journal directory for one test, and ways to look into it.
final class JournalFiles {
    let root: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/liptwitch-cli-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        root = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The journal directory (created by the first write).
    var directory: String { root + "/journal" }

    /// Every line of every month file, oldest file first.
    func lines() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return try names.filter { $0.hasSuffix(".jsonl") }.sorted().flatMap { name in
            try String(contentsOfFile: directory + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    /// What the reader makes of the journal: the records, and the lines it skipped.
    func read(_ filter: RecordFilter = RecordFilter()) throws -> (records: [JournalRecord], skipped: Int) {
        var records: [JournalRecord] = []
        var skipped = 0
        var decoder = JournalLineDecoder()
        for line in try lines() {
            switch decoder.decode(line, kinds: filter.kinds) {
            case .record(let record): records.append(record)
            case .skipped: skipped += 1
            case .ignored: break
            }
        }
        return (records, skipped)
    }

    /// The texts of the notes, in file order.
    func noteTexts() throws -> [String] {
        try read(RecordFilter(kinds: [.note])).records.compactMap { record in
            if case .note(let note) = record.body { note.text } else { nil }
        }
    }
}
