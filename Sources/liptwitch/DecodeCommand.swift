import ArgumentParser
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch decode`: a raw sensor byte dump as JSON lines, then a summary.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a raw sensor byte dump into JSON lines.",
        discussion: """
            Prints one JSON object per line for every message the dump holds, each with a \
            "class" field (\(EventFilter.classes.joined(separator: ", "))), then a line of \
            class "summary" with the counters: bytes, frames, bytes discarded, CRC failures, \
            resyncs, sequence gaps and the rest. A one-line summary for people goes to \
            standard error.

            Broken input is never an error: garbage, bit flips and cut-off frames are counted \
            and decoding carries on at the next frame. Only an unreadable file fails.

            Examples:
              liptwitch decode capture.bin
              liptwitch decode --summary capture.bin
              liptwitch decode --only marker,frame_error capture.bin
              head -c 1000000 /dev/urandom | liptwitch decode --summary -
            """
    )

    @Argument(help: ArgumentHelp("The dump to decode; - reads standard input.", valueName: "file"))
    var input: String

    @Flag(help: "Print only the summary.")
    var summary = false

    @Option(
        help: ArgumentHelp(
            "Print only events of these classes, comma-separated (the summary is always printed).",
            valueName: "classes"),
        transform: { $0.split(separator: ",").map { String($0.trimmingWhitespace) } })
    var only: [String]?

    func validate() throws {
        if summary, only != nil {
            throw ValidationError("--summary prints no events, so --only has nothing to choose; use one of them.")
        }
        let unknown = (only ?? []).filter { !EventFilter.classes.contains($0) }
        if !unknown.isEmpty {
            throw ValidationError(
                "unknown class \(unknown.joined(separator: ", ")) in --only; "
                    + "choose from \(EventFilter.classes.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let filter: EventFilter = summary ? .summaryOnly : only.map { .only(Set($0)) } ?? .all
        var source = try ByteSource(path: input)
        let summary = try DumpDecoder(filter: filter).run(&source, output: BufferedOutput())
        StandardError.write("liptwitch decode: \(summary.sentence)")
    }
}

extension Substring {
    /// Without the whitespace at either end (for comma-separated option values).
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
