import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import LipTwitchRuntime
import Logging

/// `liptwitch daemon`: every sensor, the journal and the live stream, until stopped.
struct DaemonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Record every sensor into the journal and serve the live stream, until stopped.",
        discussion: """
            Takes every sensor discovery accepts (the udev rule's, the sensor's USB id, \
            --usb-id, --device, an OpenBCI Cyton's dongle once the board answers), now and as \
            they are plugged in, one link and pipeline each, with its driver (--driver for the \
            --device ports); \
            writes connections, gaps and episodes to the journal, and streams them, with levels \
            and counters, to `liptwitch watch` on a Unix socket only you can open. It logs to \
            standard error. SIGTERM or Ctrl-C stops it cleanly: the sensors are told to stop, \
            open episodes are closed as truncated, the journal is written to the end.

            Under systemd (udev/liptwitch.service, Type=notify) it says when it is ready, what \
            it is doing (systemctl --user status liptwitch) and that it is alive (WatchdogSec). \
            docs/DAEMON.md has the details.

            Examples:
              liptwitch daemon                                  # every sensor plugged in
              liptwitch daemon --device /dev/ttyACM0 --journal ~/lip-journal
              liptwitch simulate --symlink /tmp/sensor &        # no hardware:
              liptwitch daemon --device /tmp/sensor --socket /tmp/lt.sock
              liptwitch watch --socket /tmp/lt.sock             # in another terminal
              liptwitch daemon --device /dev/ttyUSB0 --driver openbci-cyton --lip-channel 2
            """
    )

    @OptionGroup var discovery: DiscoveryOptions
    @OptionGroup var board: DriverOption
    @OptionGroup var journal: JournalDirectoryOption
    @OptionGroup var socket: LiveSocketOption

    @Option(
        name: .customLong("client-queue"),
        help: ArgumentHelp("How far a watch client may fall behind, in KiB, before it is dropped.", valueName: "kib"))
    var clientQueue = 256

    @Option(
        help: ArgumentHelp(
            "Also write each sensor's raw bytes to a capture in this directory (liptwitch replay reads it).",
            valueName: "dir"))
    var capture: String?

    @Option(
        name: .customLong("log-level"),
        help: ArgumentHelp("Log this and more severe: debug, info, notice, warning, error.", valueName: "level"))
    var logLevel = "info"

    @Flag(
        name: .customLong("allow-root"),
        help: "Run even as root (it refuses to otherwise: it needs no privilege, udev/README.md).")
    var allowRoot = false

    func validate() throws {
        if board.sensorDriver != .liptwitch, discovery.devices.isEmpty {
            throw ValidationError(
                "--driver \(board.driver) is for the ports named with --device: add --device PATH (the board's dongle "
                    + "is found by itself without either).")
        }
        guard (1...65_536).contains(clientQueue) else {
            throw ValidationError("--client-queue must be between 1 and 65536 KiB.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of: debug, info, notice, warning, error.")
        }
    }

    func run() throws {
        guard allowRoot || geteuid() != 0 else { throw RootRefusal() }
        try BlockingRun.run {
            let logger = Logger(label: "liptwitch.daemon") { _ in
                DaemonLogHandler(name: "liptwitch daemon", level: Logger.Level(rawValue: logLevel) ?? .info, clock: LipTwitch.clock)
            }
            let daemon = try await Daemon(
                options: DaemonOptions(
                    discovery: discovery.configuration, namedPortDriver: board.sensorDriver, journalDirectory: try journal.resolved(), socket: socket.location,
                    clientQueueBytes: clientQueue * 1024, captureDirectory: capture, version: LipTwitch.configuration.version,
                    clock: LipTwitch.clock),
                logger: logger)
            try await daemon.run()
        }
    }
}
