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

            Calibration: a capture made by the daemon records the calibration profile its \
            detector used (from liptwitch calibrate), and the replay uses that one, so that it \
            finds the live run's episodes; the first line says which profile was used. \
            --profile FILE uses another profile instead, --no-profile none (to see what the \
            calibration changed). The profile at the default place is not read: a replay \
            repeats the live run, whoever replays it.

            --samples FILE also writes the samples the twitch detector was given as a CSV \
            recording (time_s, then one column per channel in uV or g; NaN where a sample \
            was missing or flagged), to open in other tools or to run through liptwitch \
            analyze, which finds the same episodes in it: live, replay and analyze share one \
            detector. A capture with several streams (a reconnection) gives FILE, FILE-2 and \
            so on, one per stream.

            A capture cut short (a crash, a full disk) is replayed up to the cut; then the \
            command says so and exits with status 1.

            Examples:
              liptwitch replay session.ltcap
              liptwitch replay session.ltcap --json --only stream,gap
              liptwitch replay session.ltcap --speed 1 --only all          # as it happened
              liptwitch replay session.ltcap --journal /tmp/journal && liptwitch journal --journal /tmp/journal
              liptwitch replay captures/sensor-1-ttyACM0.ltcap   # a daemon's: its profile
              liptwitch replay captures/sensor-1-ttyACM0.ltcap --no-profile --only episode
              liptwitch replay session.ltcap --profile new.json --only episode
              liptwitch replay session.ltcap --samples session.csv && liptwitch analyze session.csv --no-profile
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

    @Option(help: ArgumentHelp("The calibration profile to use (default: the one the capture recorded, if any).",
                               valueName: "file"))
    var profile: String?

    @Flag(name: .customLong("no-profile"), help: "Use no calibration profile, not even the one the capture recorded.")
    var noProfile = false

    @Option(help: ArgumentHelp("Also write the samples the detector was given to this CSV file (liptwitch analyze reads it).",
                               valueName: "file"))
    var samples: String?

    @Flag(help: "Play the sensor's side of the capture on a pseudo-terminal, for a host to connect to.")
    var pty = false

    @Option(help: ArgumentHelp("With --pty: keep a symbolic link at this path pointing at the pseudo-terminal.",
                               valueName: "path"))
    var symlink: String?

    func validate() throws {
        if pty, journal != nil || stdout || json || only != nil || profile != nil || noProfile || samples != nil {
            throw ValidationError("--pty plays the capture for another program and analyses nothing: leave out --journal, --stdout, --json, --only, --profile, --no-profile and --samples.")
        }
        if let samples, samples == "-" || samples == file {
            throw ValidationError("--samples needs a file of its own to write (not standard output, not the capture).")
        }
        if profile != nil, noProfile {
            throw ValidationError("--profile and --no-profile contradict each other; use one of them.")
        }
        if profile == "-", file == "-" {
            throw ValidationError("the capture and --profile cannot both come from standard input: give the profile's file.")
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
            ?? .lines(json: json || !SystemEnvironment.standardOutputIsTerminal)
        let chosen: ReplayProfile = if let profile {
            .file(try ProfileFile.read(profile), path: profile)
        } else {
            noProfile ? .disabled : .recorded
        }
        let files = try CaptureReplay(
            path: file, speed: speed, classes: classes, output: output, version: LipTwitch.configuration.version,
            profile: chosen, samplesPath: samples
        ).run()
        if samples != nil {
            StandardError.write(
                files.isEmpty
                    ? "liptwitch replay: no stream started in the capture, so no samples were written."
                    : "liptwitch replay: the detector's samples are in \(files.joined(separator: ", ")).")
        }
    }
}
