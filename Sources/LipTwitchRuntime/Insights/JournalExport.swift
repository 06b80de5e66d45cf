#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchInsights
import LipTwitchJournal
import LipTwitchSystem

/// `liptwitch export`: the episodes and notes of a window of the journal, streamed as CSV
/// or as a FHIR R4 Bundle to standard output or a file (mode 0600: it is health data).
public enum JournalExport {
    public enum Format: String, Sendable, CaseIterable {
        case csv, fhir
    }

    /// Writes the export, dated `now` (the FHIR bundle's timestamp); returns what the reading found.
    public static func write(
        directory: String, format: Format, since: LocalTime?, until: LocalTime?, now: LocalTime, to output: BufferedOutput
    ) throws -> ReadSummary {
        let reader = JournalReader(directory: directory)
        // Neither format carries an episode's envelope or twitch list: they are not read.
        let filter = RecordFilter(kinds: [.episode, .note], since: since, until: until, detail: .summary)
        switch format {
        case .csv:
            try output.write(line: CSVExport.header)
            let summary = try reader.read(filter) { record, _ in
                if let row = CSVExport.row(record) { try output.write(line: row) }
            }
            try output.flush()
            return summary
        case .fhir:
            var bundle = FHIRBundleWriter()
            try output.write(bytes: bundle.opening(id: UUID(), timestamp: now).utf8)
            let summary = try reader.read(filter) { record, _ in
                for entry in bundle.entries(for: record) { try output.write(bytes: entry.utf8) }
            }
            try output.write(bytes: bundle.closing.utf8)
            try output.flush()
            return summary
        }
    }
}
