import ArgumentParser

/// `liptwitch journal path`: where the journal is.
struct JournalPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Print the journal directory.",
        discussion: """
            The journal is one file per month (YYYY-MM.jsonl, JSON lines, docs/JOURNAL.md) in \
            this directory: --journal DIR when given; $STATE_DIRECTORY/journal for the system \
            service; otherwise $XDG_DATA_HOME/liptwitch/journal, by default \
            ~/.local/share/liptwitch/journal.

            Examples:
              liptwitch journal path
              ls -l "$(liptwitch journal path)"
            """
    )

    @OptionGroup var journal: JournalDirectoryOption

    func run() throws {
        print(try journal.resolved())
    }
}
