import LipTwitchJournal
import LipTwitchSystem

/// `liptwitch journal`: the records that pass a filter, as a table for people or as the
/// JSON lines they were written as.
public struct JournalListing: Sendable {
    public enum Format: Sendable {
        /// `2026-11-21 14:05:03  note        "third coffee" #caffeine`
        case table
        /// Each record's line exactly as written (unknown fields kept).
        case json
    }

    public let reader: JournalReader
    public let filter: RecordFilter
    public let format: Format

    public init(directory: String, filter: RecordFilter, format: Format) {
        reader = JournalReader(directory: directory)
        self.filter = filter
        self.format = format
    }

    /// True when there is no month file at all (nothing recorded yet).
    public func isEmpty() throws(JournalError) -> Bool {
        try reader.months()?.isEmpty ?? true
    }

    /// Prints every record that passes the filter; nil when the reader of the output went
    /// away first (`liptwitch journal | head`), which stops the reading too.
    public func print(to output: BufferedOutput) throws -> ReadSummary? {
        do {
            let summary = try reader.read(filter) { record, line in
                try write(record, line, to: output)
                if output.isClosed { throw OutputClosed() }
            }
            try output.flush()
            return output.isClosed ? nil : summary
        } catch is OutputClosed {
            return nil
        }
    }

    /// Stops reading when nobody reads the output any more.
    private struct OutputClosed: Error {}

    /// Prints like `print`, then keeps printing records as they are written, until the
    /// process is stopped. `notice` hears of each line skipped.
    public func follow(to output: BufferedOutput, notice: (String) -> Void) throws {
        _ = try reader.follow(
            filter,
            whenCaughtUp: {
                try output.flush()
                return !output.isClosed
            },
            onSkip: { location, reason in notice("skipped \(location): \(reason)") },
            { record, line in try write(record, line, to: output) })
    }

    private func write(_ record: JournalRecord, _ line: UnsafeRawBufferPointer, to output: BufferedOutput) throws {
        switch format {
        case .json:
            try output.write(line: line)
        case .table:
            let kind = record.kind.rawValue
            try output.write(
                line: "\(record.tableTime)  \(kind)\(String(repeating: " ", count: max(1, 11 - kind.count)))\(record.summary)")
        }
    }
}
