import ArgumentParser
import LipTwitchRuntime

/// `liptwitch demo`: everything at once on a simulated sensor.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "See LipTwitch at work on a simulated sensor: the daemon, the journal and the live console.",
        discussion: """
            Starts a simulated two-channel EMG sensor on a pseudo-terminal, the daemon \
            recording it (to a journal in a new temporary directory, or --journal), and the \
            live console, all in this terminal. Twitches show within seconds. It runs until \
            Ctrl-C or --duration, then says where the journal is and what to try next.

            Examples:
              liptwitch demo
              liptwitch demo --duration 20
              liptwitch demo --journal ~/lip-demo-journal
            """
    )

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C).")
    var duration: Double?

    @OptionGroup var journal: JournalDirectoryOption

    func validate() throws {
        if let duration, !(duration > 0 && duration <= 86_400) {
            throw ValidationError("--duration must be more than 0 and at most 86400 seconds (a day).")
        }
    }

    func run() throws {
        try BlockingRun.run {
            try await DemoSession(
                duration: duration, journalDirectory: journal.directory, version: LipTwitch.configuration.version,
                program: CommandLine.arguments.first ?? "liptwitch", clock: LipTwitch.clock
            ).run()
        }
    }
}
