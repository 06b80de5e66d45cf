import ArgumentParser
import LipTwitchInsights
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch report`: what the journal says, per day and hour, trend, triggers, red flags.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarize the journal: per day, hour of day, trend, triggers and red flags.",
        discussion: """
            Counts episodes, twitches and twitching time per day and by side, shows when in \
            the day twitching comes, whether it is rising or falling, whether it comes more \
            often in the hours after a tagged note (caffeine, sleep, stress...) than at your \
            other hours, and the red flags that are a reason to see a doctor. Rates are per \
            hour the sensor was worn, so days off are not read as days without twitching. \
            docs/REPORT.md explains every number.

            --html writes the same report as one self-contained web page with charts (no \
            network, prints on A4); --html - writes it to standard output.

            Triggers are looked for in a window after each note: caffeine 3h, alcohol 12h, \
            sleep 16h (a sleep note of 6 h or more is a full night, not a trigger), stress \
            3h, medication and dental 24h, other tags 3h; --window changes one.

            Examples:
              liptwitch report
              liptwitch report --since 30d --html report.html
              liptwitch report --since 2026-10-01 --until 2026-11-01
              liptwitch report --window caffeine=2h --window sleep=24h
            """
    )

    @Option(help: ArgumentHelp("Report from the day this falls on: 14d, 4w, 2026-10-01.", valueName: "time"))
    var since = "14d"

    @Option(help: ArgumentHelp("Report up to this time (default: now).", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("Also write the report as an HTML page to this file (- for standard output).", valueName: "file"))
    var html: String?

    @Option(
        name: .customLong("window"),
        help: ArgumentHelp("How long after a note of a tag to look for its effect: caffeine=2h.", valueName: "tag=hours"))
    var windows: [String] = []

    @OptionGroup var journal: JournalDirectoryOption

    private var windowOverrides: [String: Double]? {
        var overrides: [String: Double] = [:]
        for window in windows {
            let parts = window.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let tag = NoteTag.normalized(parts[0]),
                let hours = Double(parts[1].hasSuffix("h") ? String(parts[1].dropLast()) : parts[1]),
                hours > 0, hours <= TriggerWindows.maximumHours
            else { return nil }
            overrides[tag] = hours
        }
        return overrides
    }

    func validate() throws {
        try TimeOptions.check([("--since", since), ("--until", until)])
        if windowOverrides == nil {
            throw ValidationError(
                "cannot read --window \(windows.joined(separator: " ")); write a tag, =, and hours up to "
                    + "\(Int(TriggerWindows.maximumHours)), like caffeine=2h")
        }
    }

    func run() throws {
        let now = LipTwitch.clock.now()
        let since = try LipTwitch.clock.resolve(TimeExpression(parsing: since))
        let until = try until.map { try LipTwitch.clock.resolve(TimeExpression(parsing: $0)) } ?? now
        guard until > since else {
            throw ValidationError("the report would end (\(until.civil)) before it starts (\(since.civil)); check --since and --until.")
        }
        let directory = try journal.resolved()
        guard try !(JournalReader(directory: directory).months()?.isEmpty ?? true) else {
            throw ReportError(
                "nothing recorded yet in \(directory); run `liptwitch demo` or `liptwitch daemon`, or give --journal DIR")
        }
        let report = try JournalInsights.report(
            directory: directory, period: ReportPeriod(since: since, until: until),
            windows: TriggerWindows(overrides: windowOverrides ?? [:]), generated: now)
        if html != "-" {
            let output = BufferedOutput()
            try output.write(line: TerminalRenderer.render(report))
            try output.flush()
        }
        if let html {
            let output = try BufferedOutput(replacing: html)
            try output.write(line: HTMLRenderer.render(report))
            try output.commit()
            if html != "-" { StandardError.write("liptwitch report: wrote \(html)") }
        }
    }
}

/// A report that cannot be made, in one sentence that says what to do.
struct ReportError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
