import LipTwitchJournal

/// Episodes and notes as CSV (RFC 4180) with fixed columns, one row per record
/// (docs/REPORT.md, "CSV"). A column that does not apply to the row's record is empty.
public enum CSVExport {
    public static let columns = [
        "record", "id", "start", "end", "local_date", "local_hour", "duration_s", "kind", "twitch_count", "clusters",
        "largest_cluster", "peak",
        "rms", "unit", "dominant_hz", "confidence", "truncated", "sensor", "channel", "placement", "side", "region",
        "text", "tags", "amount", "amount_unit",
    ]

    public static var header: String { columns.joined(separator: ",") }

    /// The row for an episode or a note; nil for other records.
    public static func row(_ record: JournalRecord) -> String? {
        var fields = Array(repeating: "", count: columns.count)
        func set(_ column: String, _ value: String) { fields[columns.firstIndex(of: column)!] = quoted(value) }
        set("id", record.id.uuidString.lowercased())
        switch record.body {
        case .episode(let episode):
            let site = FaceSite(placement: episode.placement)
            set("record", "episode")
            set("start", episode.start.rfc3339)
            set("end", episode.end.rfc3339)
            set("local_date", episode.start.civil.date.description)
            set("local_hour", String(episode.start.civil.hour))
            set("duration_s", Numbers.fixed(episode.durationSeconds, 3))
            set("kind", episode.kind.rawValue)
            set("twitch_count", String(episode.twitchCount))
            if let clusters = episode.clusters { set("clusters", String(clusters)) }
            if let largest = episode.largestCluster { set("largest_cluster", String(largest.twitchCount)) }
            set("peak", Numbers.fixed(episode.peak, 3))
            set("rms", Numbers.fixed(episode.rms, 3))
            set("unit", episode.unit)
            set("dominant_hz", Numbers.fixed(episode.dominantFrequencyHz, 2))
            set("confidence", Numbers.fixed(episode.confidence, 3))
            set("truncated", episode.truncated ? "true" : "false")
            set("sensor", episode.sensor ?? episode.recording ?? "")
            set("channel", String(episode.channel))
            set("placement", episode.placement)
            set("side", site.side.rawValue)
            set("region", site.region.rawValue)
        case .note(let note):
            set("record", "note")
            set("start", note.at.rfc3339)
            set("local_date", note.at.civil.date.description)
            set("local_hour", String(note.at.civil.hour))
            set("text", note.text)
            set("tags", note.tags.joined(separator: ";"))
            if let amount = note.amount {
                set("amount", Numbers.fixed(amount.value, 3))
                set("amount_unit", amount.unit ?? "")
            }
        default:
            return nil
        }
        return fields.joined(separator: ",")
    }

    /// A field quoted when it holds a comma, a quote or a line break (RFC 4180), and a text
    /// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) behind a quote.
    static func quoted(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
