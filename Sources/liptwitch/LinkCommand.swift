import ArgumentParser
import LipTwitchLink
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch link`: talk to one sensor and show the link at work.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Connect to a sensor's serial port and show the link: events, gaps, and a line per second.",
        discussion: """
            Opens the port exclusively (raw; finding the line rate unless --baud gives it), shakes hands with the sensor \
            (STOP, IDENTIFY, START), keeps it streaming with a heartbeat, and rides out what \
            happens: a stall is detected within half a second and the handshake redone; an \
            unplugged sensor is reopened when it comes back (with backoff up to 5 s). Every \
            transition is printed as it happens, then once a second what arrived (batches, \
            samples, gaps) and the counters (bytes discarded, CRC failures, lost frames, \
            reconnects, stalls). Ctrl-C tells the sensor to stop before closing the port.

            Lines are JSON objects with a "class" field (link, gap, marker, link_status, \
            summary) when standard output is not a terminal, or with --json.

            If the port cannot be opened at the start (missing, busy, no permission), or the \
            sensor cannot be used (a newer protocol), the command says why and what to do, and \
            exits with status 1.

            Examples:
              liptwitch link --device /dev/ttyACM0
              liptwitch link --device /dev/serial/by-id/usb-LipTwitch_LT-0001-if00 --duration 60 --json
              liptwitch link --device /tmp/sensor --rate 1000   # with: liptwitch simulate --symlink /tmp/sensor
              liptwitch link --device /dev/ttyUSB0 --driver openbci-cyton --lip-channel 2
            """
    )

    @Option(help: ArgumentHelp("The sensor's serial port (a /dev/serial/by-id link is stable across replugs).",
                               valueName: "path"))
    var device: String

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C).")
    var duration: Double?

    @Flag(help: "Print JSON lines even on a terminal.")
    var json = false

    @Option(help: ArgumentHelp("Ask the sensor for this sample rate (SET_RATE), in Hz.", valueName: "hz"))
    var rate: UInt16?

    @OptionGroup var board: DriverOption
    @OptionGroup var line: LineRateOption

    func validate() throws {
        if let duration, !(duration > 0 && duration <= 31_536_000) {
            throw ValidationError("--duration must be more than 0 seconds (and at most a year).")
        }
        if let rate, !(1...4000).contains(rate) {
            throw ValidationError("--rate must be between 1 and 4000 Hz (PROTOCOL.md section 6.1).")
        }
    }

    func run() throws {
        try LinkMonitor(
            devicePath: device, duration: duration, json: json || !SystemEnvironment.standardOutputIsTerminal,
            configuration: board.linkConfiguration(line, sampleRateHz: rate)
        ).run()
    }
}
