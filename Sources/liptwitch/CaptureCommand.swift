import ArgumentParser
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch capture`: record what a sensor sends, with the time of every read.
struct CaptureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record a sensor's raw serial bytes, with the time of every read, into a capture file.",
        discussion: """
            Runs the link to the sensor as the daemon does (handshake, heartbeat, reconnects) \
            and writes everything the port gives, read by read with its monotonic time, to a \
            capture file (docs/CAPTURE.md): a header with the sensor's identity, the port and \
            baud rate, the start time and your description, then the reads, opens and \
            hang-ups. Stops at --duration or Ctrl-C. The file is readable by you only.

            A capture replays through the same pipeline the daemon runs, and gives exactly \
            the same results: liptwitch replay FILE. Captures of a misbehaving sensor are how \
            bugs get reported and regression tests made (Tests/Fixtures/captures/).

            Examples:
              liptwitch capture --device /dev/ttyACM0 --out session.ltcap --duration 60
              liptwitch capture --device /tmp/sensor --out stall.ltcap --duration 8 \\
                  --description "a stall of 2 s after 3 s"    # with: liptwitch simulate --symlink /tmp/sensor --stall-after 3 --stall-for 2
              liptwitch replay session.ltcap
            """
    )

    @Option(help: ArgumentHelp("The sensor's serial port.", valueName: "path"))
    var device: String

    @Option(help: ArgumentHelp("The capture file to write (replaced if it exists).", valueName: "file"))
    var out: String

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C).")
    var duration: Double?

    @Option(help: ArgumentHelp("What the capture shows, in words (kept in its header).", valueName: "text"))
    var description = ""

    @OptionGroup var board: DriverOption
    @OptionGroup var line: LineRateOption

    func validate() throws {
        if let duration, !(duration > 0 && duration <= 31_536_000) {
            throw ValidationError("--duration must be more than 0 seconds (and at most a year).")
        }
        guard description.utf8.count <= 4096 else {
            throw ValidationError("--description is limited to 4096 bytes: say what the capture shows in a few lines.")
        }
        guard !out.isEmpty, out != "-" else {
            throw ValidationError("--out needs a file name: a capture is binary, not for a terminal or a pipe.")
        }
    }

    func run() throws {
        try CaptureSession(
            devicePath: device, outputPath: out, duration: duration, description: description, link: board.linkConfiguration(line),
            tool: "liptwitch \(LipTwitch.configuration.version)", clock: LipTwitch.clock
        ).run()
    }
}
