import ArgumentParser
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch replay`: a capture through the live pipeline, or played on a pseudo-terminal.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run a capture through the same pipeline the daemon runs, and show or journal what it finds.",
        discussion: """
            Feeds the capture's reads, at their recorded times and with the recorded start \
            time, to the pipeline a live sensor goes through (decoder, device clock, gap \
            accounting, levels, the twitch detector), and prints what comes out: the same records the live run \
            gave, bit for bit, every time. As fast as it goes, or at --speed N times real time.

            Output: readable lines on a terminal, JSON lines (one object per line, with a \
            "class") with --json or when standard output is not a terminal. Classes: \
            \(CaptureReplay.allClasses.sorted().joined(separator: ", ")); by default all but \
            level, status and candidate (--only chooses, --only all takes every one). With --journal DIR \
            the sensor's connections, gaps, episodes and counters go into that journal instead.

            With --pty, nothing is analysed here: the sensor's side of the capture is played \
            on a pseudo-terminal (at real time, or --speed N) for a real host to open, the \
            daemon or liptwitch link, which runs its own link and pipeline on it. The player \
            waits for the host's first bytes, then plays the recorded bytes at their recorded \
            times; an answer (IDENTITY, ACK) waits for the host to send its command, other \
            bytes the host sends are ignored; a recorded unplug unplugs the port.

            A capture cut short (a crash, a full disk) is replayed up to the cut; then the \
            command says so and exits with status 1.

            Examples:
              liptwitch replay session.ltcap
              liptwitch replay session.ltcap --json --only stream,gap
              liptwitch replay session.ltcap --speed 1 --only all          # as it happened
              liptwitch replay session.ltcap --journal /tmp/journal && liptwitch journal --journal /tmp/journal
              liptwitch replay session.ltcap --pty --symlink /tmp/sensor   # then: liptwitch link --device /tmp/sensor
              liptwitch replay Tests/Fixtures/captures/stall.ltcap --json | diff - Tests/Fixtures/captures/stall.ltcap.golden.jsonl
            """
    )

    @Argument(help: ArgumentHelp("The capture to replay (made by liptwitch capture); - reads standard input.",
                                 valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Replay at this many times real time (default: as fast as possible).", valueName: "n"))
    var speed: Double?

    @Option(help: ArgumentHelp("Write journal records into this journal directory instead of printing.",
                               valueName: "dir"))
    var journal: String?

    @Flag(help: "Print to standard output (the default; says so explicitly).")
    var stdout = false

    @Flag(help: "Print JSON lines even on a terminal.")
    var json = false

    @Option(
        help: ArgumentHelp("Print only records of these classes, comma-separated (all: every class).",
                           valueName: "classes"),
        transform: { $0.split(separator: ",").map { String($0.trimmingWhitespace) } })
    var only: [String]?

    @Flag(help: "Play the sensor's side of the capture on a pseudo-terminal, for a host to connect to.")
    var pty = false

    @Option(help: ArgumentHelp("With --pty: keep a symbolic link at this path pointing at the pseudo-terminal.",
                               valueName: "path"))
    var symlink: String?

    func validate() throws {
        if pty, journal != nil || stdout || json || only != nil {
            throw ValidationError("--pty plays the capture for another program and prints no records: leave out --journal, --stdout, --json and --only.")
        }
        if symlink != nil, !pty {
            throw ValidationError("--symlink names the pseudo-terminal of --pty: add --pty.")
        }
        if let speed, !(speed > 0 && speed <= 10_000) {
            throw ValidationError("--speed must be more than 0 and at most 10000 (times real time).")
        }
        if journal != nil, stdout || json || only != nil {
            throw ValidationError("--journal writes records into a journal and prints nothing: leave out --stdout, --json and --only.")
        }
        let unknown = (only ?? []).filter { $0 != "all" && !CaptureReplay.allClasses.contains($0) }
        if !unknown.isEmpty {
            throw ValidationError(
                "unknown class \(unknown.joined(separator: ", ")) in --only; "
                    + "choose from \(CaptureReplay.allClasses.sorted().joined(separator: ", ")), or all.")
        }
    }

    func run() throws {
        if pty {
            try CapturePtyPlayer(path: file, speed: speed ?? 1, symlink: symlink).run()
            return
        }
        let classes = only.map { $0.contains("all") ? CaptureReplay.allClasses : Set($0) } ?? CaptureReplay.defaultClasses
        let output: ReplayOutput = journal.map { .journal(directory: $0) }
            ?? .lines(json: json || !Environment.standardOutputIsTerminal)
        try CaptureReplay(
            path: file, speed: speed, classes: classes, output: output, version: LipTwitch.configuration.version
        ).run()
    }
}
