import ArgumentParser
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch note`: a line in the journal about something that may matter.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write a note in the journal: coffee, a short night, stress, a dentist visit.",
        discussion: """
            Notes sit beside the detected episodes in the journal, so the reports can look for \
            what comes before the twitching ("after the third coffee?", "after a bad night?"). \
            Tag them with words the reports know, or your own:

            \(NoteTag.vocabulary.map { "  \($0.tag.padding(13))\($0.meaning)" }.joined(separator: "\n"))

            --at says when it happened, if not now: 14:05 (today, or last night if that is \
            still ahead), "yesterday 22:30", 2026-11-20T14:05, or a span back from now: 30m, 2h.

            Examples:
              liptwitch note "third coffee" --tag caffeine --amount 80mg
              liptwitch note "slept badly" --tag sleep --amount 5h --at "yesterday 23:30"
              liptwitch note "left eyelid twitching too" --tag spreading
              liptwitch note --tag stress --at 14:05
            """
    )

    @Argument(help: ArgumentHelp("What happened, in your words (may be empty when a tag says it all).", valueName: "text"))
    var text = ""

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("A tag; repeat the option or separate tags with commas.", valueName: "tag"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("When it happened (default: now).", valueName: "time"))
    var at: String?

    @Option(help: ArgumentHelp("How much: 80mg, 5.5h, 2.", valueName: "amount"))
    var amount: String?

    @OptionGroup var journal: JournalDirectoryOption

    private var normalizedTags: [String?] {
        tags.flatMap { $0.split(separator: ",") }.map { NoteTag.normalized(String($0)) }
    }

    func validate() throws {
        if text.allSatisfy(\.isWhitespace), tags.isEmpty {
            throw ValidationError("write what happened, or give at least one --tag; see liptwitch note --help.")
        }
        if let index = normalizedTags.firstIndex(of: nil) {
            let bad = tags.flatMap { $0.split(separator: ",") }[index]
            throw ValidationError("the tag '\(bad)' has characters a tag cannot have; use letters, digits and -.")
        }
        if let at {
            do { _ = try TimeExpression(parsing: at) } catch { throw ValidationError("--at: \(error)") }
        }
        if let amount, NoteRecord.Amount(parsing: amount) == nil {
            throw ValidationError("cannot read the amount '\(amount)'; write a number and a unit, like 80mg, 5.5h or 2.")
        }
    }

    func run() throws {
        let tags = normalizedTags.compactMap { $0 }
        let request = NoteRequest(
            text: text, tags: tags, at: try at.map { try TimeExpression(parsing: $0) },
            amount: amount.flatMap(NoteRecord.Amount.init(parsing:)))
        let stamper = RecordStamper(tool: "liptwitch note", version: LipTwitch.configuration.version, clock: LipTwitch.clock)
        let receipt = try request.write(to: try journal.resolved(), stamper: stamper)
        receipt.notices.forEach { StandardError.write("liptwitch note: \($0)") }
        let known = Set(NoteTag.vocabulary.map(\.tag))
        for tag in tags where !known.contains(tag) {
            StandardError.write("liptwitch note: #\(tag) is a tag of your own; `liptwitch note --help` lists the tags reports know")
        }
        print(receipt.sentence)
    }
}
