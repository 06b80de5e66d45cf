import ArgumentParser
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch journal prune --before DATE`: deletes old records for good.
struct JournalPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete every record about a time before a date, for good.",
        discussion: """
            The journal is yours: LipTwitch never deletes anything by itself, because a long \
            record is what a doctor asks for ("how long has it gone on?"). Prune when you \
            choose: records about a time before --before (an episode's start, the moment a \
            note is about) are removed from the files, and month files left empty are \
            deleted. The daemon may keep running meanwhile. Export first if you want a copy \
            (liptwitch export). --dry-run says what would go without removing anything.

            Examples:
              liptwitch journal prune --before 2026-01-01 --dry-run
              liptwitch journal prune --before 2026-01-01
              liptwitch journal prune --before 52w
            """
    )

    @Option(help: ArgumentHelp("Remove records about times before this: 2026-01-01, 52w.", valueName: "time"))
    var before: String

    @Flag(help: "Say what would be removed, and remove nothing.")
    var dryRun = false

    @OptionGroup var journal: JournalDirectoryOption

    func validate() throws {
        do { _ = try TimeExpression(parsing: before) } catch { throw ValidationError("--before: \(error)") }
    }

    func run() throws {
        let before = try LipTwitch.clock.resolve(TimeExpression(parsing: before))
        let directory = try journal.resolved()
        let outcome = try JournalPruner.prune(directory: directory, before: before, dryRun: dryRun)
        let verb = dryRun ? "would remove" : "removed"
        var sentence = "\(verb) \(outcome.removedRecords) record\(outcome.removedRecords == 1 ? "" : "s") about times before \(before.civil)"
        if !outcome.deletedFiles.isEmpty { sentence += "; \(dryRun ? "would delete" : "deleted") \(outcome.deletedFiles.joined(separator: ", "))" }
        if !outcome.rewrittenFiles.isEmpty { sentence += "; \(dryRun ? "would rewrite" : "rewrote") \(outcome.rewrittenFiles.joined(separator: ", "))" }
        print(sentence)
    }
}
