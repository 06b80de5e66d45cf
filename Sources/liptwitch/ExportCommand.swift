import ArgumentParser
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch export`: episodes and notes as CSV or as a FHIR R4 Bundle for a clinic.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export episodes and notes as CSV or as a FHIR R4 Bundle.",
        discussion: """
            csv: one row per episode or note, with fixed columns (docs/REPORT.md lists them), \
            for a spreadsheet. fhir: a FHIR R4 Bundle with one Observation per episode (its \
            period, twitch count, amplitude, the sensor, the body site) and per note, for a \
            clinic's system. Nothing leaves this computer unless you send the file; the file \
            is created readable by you only.

            Examples:
              liptwitch export --format csv --since 30d --out twitches.csv
              liptwitch export --format fhir --since 2026-10-01 --out for-the-doctor.json
              liptwitch export --format csv | column -s, -t | less -S
            """
    )

    @Option(help: ArgumentHelp("csv or fhir.", valueName: "format"))
    var format: String

    @Option(help: ArgumentHelp("Only records about this time or later: 30d, 2026-10-01 (default: all).", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only records about times before this.", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var journal: JournalDirectoryOption

    func validate() throws {
        guard JournalExport.Format(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; choose csv or fhir.")
        }
        try TimeOptions.check([("--since", since), ("--until", until)])
    }

    func run() throws {
        let since = try self.since.map { try LipTwitch.clock.resolve(TimeExpression(parsing: $0)) }
        let until = try self.until.map { try LipTwitch.clock.resolve(TimeExpression(parsing: $0)) }
        let directory = try journal.resolved()
        guard try !(JournalReader(directory: directory).months()?.isEmpty ?? true) else {
            throw ReportError("nothing recorded yet in \(directory); there is nothing to export")
        }
        let output = try out.map { try BufferedOutput(replacing: $0) } ?? BufferedOutput()
        let summary = try JournalExport.write(
            directory: directory, format: JournalExport.Format(rawValue: format)!, since: since, until: until,
            now: LipTwitch.clock.now(), to: output)
        try output.commit()
        if let sentence = summary.skipped.sentence { StandardError.write("liptwitch export: \(sentence)") }
        if let out { StandardError.write("liptwitch export: wrote \(summary.records) records to \(out)") }
    }
}
