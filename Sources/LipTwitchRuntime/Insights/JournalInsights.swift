import LipTwitchInsights
import LipTwitchJournal

/// Reads the journal once into the summary a report is made from: every episode, note,
/// gap, device and session record up to the period's end goes through the accumulator
/// (records before the period too: a sensor connected weeks ago is still connected), one at
/// a time, so memory depends on the period, not on the journal's length.
public enum JournalInsights {
    public static func report(
        directory: String, period: ReportPeriod, windows: TriggerWindows, generated: LocalTime
    ) throws -> Report {
        var accumulator = InsightsAccumulator(period: period, windows: windows)
        let filter = RecordFilter(
            kinds: [.episode, .note, .gap, .device, .session], until: period.end, detail: .summary)
        let reading = try JournalReader(directory: directory).read(filter) { record, _ in accumulator.add(record) }
        var notes: [String] = []
        if reading.retracted > 0 { notes.append("\(reading.retracted) retracted records (and their retractions) left out") }
        if let skipped = reading.skipped.sentence { notes.append(skipped) }
        return Report(summary: accumulator.finish(), generated: generated, source: directory, readingNotes: notes)
    }
}
