import ArgumentParser
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch journal [show]`: the records, as a table or as JSON lines.
struct JournalShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the journal's records, oldest first.",
        discussion: """
            One line per record: the local time it is about (an episode's start, the time a \
            note is about), its type and a summary. --json prints the records as they are \
            stored (docs/JOURNAL.md). Records withdrawn by a retraction are left out.

            Times for --since and --until: a span back from now (2d, 12h, 30m, 1w), a date \
            (2026-11-01, today, yesterday), or a date and time (2026-11-01T08:00).

            Lines that are not readable records (garbage, a line cut short by a crash, a type \
            or format from a newer version) are skipped and counted at the end.

            Examples:
              liptwitch journal --since 2d
              liptwitch journal --type note --since 2026-11-01 --until 2026-11-08
              liptwitch journal --follow --type episode
              liptwitch journal --json --since 12h
            """
    )

    @Option(help: ArgumentHelp("Only records about this time or later.", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only records about times before this.", valueName: "time"))
    var until: String?

    @Option(
        name: .customLong("type"),
        help: ArgumentHelp(
            "Only these types, comma-separated: \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")) "
                + "(default: all but header).",
            valueName: "types"))
    var types: String?

    @Flag(help: "Keep showing records as they are written (Ctrl-C stops).")
    var follow = false

    @Flag(help: "Print the records as JSON lines, as stored.")
    var json = false

    @OptionGroup var journal: JournalDirectoryOption

    private var kinds: RecordKinds {
        guard let types else { return RecordKinds.all.subtracting(.header) }
        return RecordKinds(types.split(separator: ",").compactMap { RecordKind(rawValue: String($0)) }.map(RecordKinds.init))
    }

    func validate() throws {
        if let types {
            let unknown = types.split(separator: ",").filter { RecordKind(rawValue: String($0)) == nil }
            if !unknown.isEmpty || types.isEmpty {
                throw ValidationError(
                    "unknown type \(unknown.joined(separator: ", ")) in --type; choose from "
                        + "\(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        for (name, value) in [("--since", since), ("--until", until)] {
            guard let value else { continue }
            do { _ = try TimeExpression(parsing: value) } catch { throw ValidationError("\(name): \(error)") }
        }
    }

    func run() throws {
        let since = try self.since.map { try LipTwitch.clock.resolve(TimeExpression(parsing: $0)) }
        let until = try self.until.map { try LipTwitch.clock.resolve(TimeExpression(parsing: $0)) }
        if let since, let until, until <= since {
            throw ValidationError("--until \(until.civil) is not after --since \(since.civil).")
        }
        let directory = try journal.resolved()
        let listing = JournalListing(
            directory: directory, filter: RecordFilter(kinds: kinds, since: since, until: until),
            format: json ? .json : .table)
        let output = BufferedOutput()
        let isEmpty = try listing.isEmpty()
        if follow {
            if isEmpty {
                StandardError.write("liptwitch journal: nothing recorded yet in \(directory); waiting for the first record")
            }
            try listing.follow(to: output) { StandardError.write("liptwitch journal: \($0)") }
            return
        }
        guard !isEmpty else {
            StandardError.write(
                "liptwitch journal: nothing recorded yet in \(directory); run `liptwitch demo` or `liptwitch note …`")
            return
        }
        guard let summary = try listing.print(to: output) else { return }
        if summary.records == 0 {
            let window = [since.map { "since \($0.civil)" }, until.map { "before \($0.civil)" }].compactMap { $0 }
            StandardError.write("liptwitch journal: no records\(window.isEmpty ? "" : " " + window.joined(separator: " and "))")
        }
        if let sentence = summary.skipped.sentence { StandardError.write("liptwitch journal: \(sentence)") }
    }
}
