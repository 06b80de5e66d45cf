import ArgumentParser
import LipTwitchRuntime

/// `--journal DIR`, shared by every command that reads or writes the journal.
struct JournalDirectoryOption: ParsableArguments {
    @Option(
        name: .customLong("journal"),
        help: ArgumentHelp(
            "The journal directory (default: ~/.local/share/liptwitch/journal; see `liptwitch journal path`).",
            valueName: "dir"))
    var directory: String?

    /// The directory to use: `--journal`, or the default for this user or service.
    func resolved() throws -> String {
        try JournalLocation.directory(override: directory)
    }
}
