import LipTwitchJournal
import LipTwitchSystem

/// `liptwitch journal prune --before DATE`: removes every record about a time before the
/// date (an episode's start, the moment a note is about; for other records when they were
/// written), for good. Month files left with nothing are deleted; the others are rewritten
/// under their lock (`JournalFileRewrite`). Lines that are not readable records, and
/// records of kinds or versions this version does not know, are kept: they are not ours to
/// judge.
public enum JournalPruner {
    /// What a prune removed (or would remove).
    public struct Outcome: Sendable, Equatable {
        public var removedRecords = 0
        public var rewrittenFiles: [String] = []
        public var deletedFiles: [String] = []
    }

    public static func prune(directory: String, before: LocalTime, dryRun: Bool) throws -> Outcome {
        var outcome = Outcome()
        let months = try JournalReader(directory: directory).months() ?? []
        for month in months where month.firstDay.daysSinceEpoch * 86_400_000 < before.epochMilliseconds + 86_400_000 {
            let path = directory + "/" + month.fileName
            var removed = 0
            var empties = false
            _ = try JournalFileRewrite.rewrite(path: path, directory: directory) { bytes in
                let kept = keptLines(bytes, before: before, removed: &removed)
                empties = kept.isEmpty
                return removed > 0 && !dryRun ? kept : nil
            }
            guard removed > 0 else { continue }
            outcome.removedRecords += removed
            if empties { outcome.deletedFiles.append(month.fileName) } else { outcome.rewrittenFiles.append(month.fileName) }
        }
        return outcome
    }

    /// The lines to keep; an empty result when only the header would remain.
    static func keptLines(_ bytes: [UInt8], before: LocalTime, removed removedCount: inout Int) -> [UInt8] {
        var removed = 0
        defer { removedCount = removed }
        var decoder = JournalLineDecoder()
        var splitter = LineSplitter()
        var kept: [UInt8] = []
        var records = 0
        let keep = { (line: LineSplitter.Line) in
            guard case .text(let text) = line else { return }
            if case .record(let record) = decoder.decode(text) {
                if record.kind != .header {
                    guard record.eventTime.epochMilliseconds >= before.epochMilliseconds else {
                        removed += 1
                        return
                    }
                    records += 1
                }
            } else if !text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                records += 1
            }
            kept += text
            kept.append(0x0A)
        }
        bytes.withUnsafeBytes { splitter.feed($0, keep) }
        splitter.finish(keep)
        return records == 0 ? [] : kept
    }
}
