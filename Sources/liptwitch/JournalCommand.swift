import ArgumentParser

/// `liptwitch journal`: what the journal holds, and where it is.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Show the journal: detected episodes, notes, sensors, gaps.",
        discussion: """
            Without a subcommand, shows the records (see `liptwitch journal show --help`).

            Examples:
              liptwitch journal --since 2d
              liptwitch journal --type note,episode --since 2026-11-01 --until 2026-11-08
              liptwitch journal --follow
              liptwitch journal --json --since 12h | jq .
              liptwitch journal path
            """,
        subcommands: [JournalShowCommand.self, JournalPathCommand.self, JournalPruneCommand.self],
        defaultSubcommand: JournalShowCommand.self
    )
}
