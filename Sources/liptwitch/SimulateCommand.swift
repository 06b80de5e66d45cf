import ArgumentParser
import LipTwitchDrivers
import LipTwitchProtocol
import LipTwitchRuntime
import LipTwitchSignals
import LipTwitchSimulator
import LipTwitchSystem

/// `liptwitch simulate`: a virtual sensor that speaks the wire protocol, on a
/// pseudo-terminal or into a dump file.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a virtual sensor: a seeded, labelled EMG or accelerometer scenario, spoken in the wire protocol.",
        discussion: """
            Without --dump, the sensor appears as a serial port (a pseudo-terminal) and behaves \
            like the firmware: it answers the handshake and every command, streams while started, \
            and stops by itself 5 s after the host's last frame. It prints the port to open and \
            the file where the ground truth goes (one JSON line per event the scenario put \
            into the signal: twitch, talking, lead_off, ..., with its onset and end in device \
            time), and runs until Ctrl-C or --duration.

            The signal is a labelled scenario (the generator of `liptwitch generate`), begun \
            afresh with the next seed at every START. EMG scenarios have --channels channels; \
            the accelerometer scenario makes the sensor an accelerometer (x, y, z in g, 500 Hz \
            unless --rate). Lead-off and saturation show in STATUS and in the batch flags; a \
            MARKER comes when a twitch begins. The default, demo, has a twitch about 2 s after \
            START.

            Scenarios:
            \(Scenario.helpListing)

            With --dump, it writes the raw bytes it would send during a session of --duration \
            seconds (default 10), exactly as a serial capture holds them. With --capture, it \
            writes the capture file (docs/CAPTURE.md) liptwitch capture would have made of such \
            a session, timed read by read, at once (an hour takes seconds).

            The same --seed always gives the same signal. Fault flags make the sensor misbehave \
            on purpose: --garbage, --bit-flip and --drop are chances per frame; --stall-after \
            and --disconnect-after count seconds from the first START.

            --board openbci-cyton serves an OpenBCI Cyton behind its USB dongle instead, as \
            OpenBCI documents it (docs/DEVICES.md): it answers v, d, b, s and x...X, and streams \
            33-byte packets at 250 Hz with the scenario's EMG on --lip-channel (the others read \
            0) and the accelerometer at 25 Hz. Its faults: --stall-after/--stall-for and \
            --disconnect-after (seconds after b), --reset-after (the board resets itself), \
            --board-off (the dongle answers Failure to everything), --lost-byte-every N and \
            --wrong-footer-every N (packets).

            --board bitalino serves a BITalino (r)evolution instead, as PLUX documents it \
            (docs/DEVICES.md): it answers the version command, the sampling rate commands and \
            live mode, and streams frames of the inputs asked for at the rate set (the driver \
            asks for the lip's input alone at 1000 Hz), the scenario's EMG on --lip-channel \
            (1 to 6: A1 to A6) through the EMG sensor's transfer function. Its faults: \
            --stall-after/--stall-for and --disconnect-after (seconds after the start), \
            --reset-after (the board goes back to idle), --lost-byte-every N and \
            --bad-crc-every N (frames).

            Examples:
              liptwitch simulate                              # then, in another terminal:
              liptwitch link --device /dev/pts/N              #   (the port it printed)
              liptwitch simulate --scenario lead-off --channels 4 --seed 7
              liptwitch simulate --scenario accelerometer
              liptwitch simulate --symlink /tmp/sensor --disconnect-after 5 --replug-after 2
              liptwitch simulate --stall-after 3 --stall-for 2
              liptwitch simulate --sample-format int24 --scenario accelerometer
              liptwitch simulate --protocol-major 2           # a sensor newer than this LipTwitch
              liptwitch simulate --dump session.bin --duration 60
              liptwitch simulate --capture hour.ltcap --duration 3600 && liptwitch replay hour.ltcap
              liptwitch simulate --dump - --garbage 0.01 --bit-flip 0.01 --drop 0.01 | liptwitch decode --summary -
              liptwitch simulate --board openbci-cyton --symlink /tmp/cyton --lost-byte-every 100
              liptwitch simulate --board bitalino --symlink /tmp/bitalino --bad-crc-every 500
            """
    )

    @Option(help: ArgumentHelp("Write the byte stream to this file instead of serving a port; - is standard output.",
                               valueName: "file"))
    var dump: String?

    @Option(help: ArgumentHelp("Write a capture file of the session instead of serving a port (made at once, in virtual time).",
                               valueName: "file"))
    var capture: String?

    @Option(help: "How long to run, in seconds (with --dump: the session's length, default 10; without: until Ctrl-C).")
    var duration: Double?

    @Option(help: ArgumentHelp("The scenario the signal follows (see the list above).", valueName: "name"))
    var scenario = Scenario.demo.rawValue

    @Option(help: "Number of EMG channels, 1 to 8 (EMG scenarios only).")
    var channels = 2

    @Option(help: "Seed of the signal and of the faults.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "The sensor's serial number (1 to 16 letters, digits, -, _ or .), so that two simulated sensors differ.",
        valueName: "serial"))
    var serial = SimulatorConfiguration().serialNumber

    @Option(help: ArgumentHelp(
        "Sample rate in Hz at power-on (default: 2000 for EMG, 500 for the accelerometer).", valueName: "hz"))
    var rate: Int?

    @Option(name: .customLong("ground-truth"),
            help: ArgumentHelp("Write the ground truth (JSON lines) to this file.", valueName: "file"))
    var groundTruth: String?

    @Option(help: ArgumentHelp("Keep a symbolic link at this path pointing at the current port (a stable path across unplugs).",
                               valueName: "path"))
    var symlink: String?

    @Option(help: "Chance per frame of random bytes before it.")
    var garbage = 0.0

    @Option(name: .customLong("bit-flip"), help: "Chance per frame of one flipped bit.")
    var bitFlip = 0.0

    @Option(help: "Chance per frame that it is lost.")
    var drop = 0.0

    @Option(name: .customLong("stall-after"), help: "Go silent this many seconds after the first START (with --stall-for).")
    var stallAfter: Double?

    @Option(name: .customLong("stall-for"), help: "How many seconds the stall lasts.")
    var stallFor: Double?

    @Option(name: .customLong("disconnect-after"), help: "Unplug this many seconds after the first START, mid-frame.")
    var disconnectAfter: Double?

    @Option(name: .customLong("replug-after"), help: "Plug in again (a new port) this many seconds after the unplug.")
    var replugAfter = 1.0

    @Option(name: .customLong("protocol-major"), help: "Speak this protocol major version (2 and up: newer than this LipTwitch).")
    var protocolMajor: UInt8 = 1

    @Option(help: ArgumentHelp("Run the sensor's clock this many parts per million fast (negative: slow).",
                               valueName: "ppm"))
    var drift = 0.0

    @Option(name: .customLong("sample-format"),
            help: ArgumentHelp("How samples go on the wire: int16, or int24 (3 bytes, 256 times finer counts).",
                               valueName: "format"))
    var sampleFormat = "int16"

    @Option(name: .customLong("clock-start"),
            help: ArgumentHelp("The device clock at power-on, µs (near 4294967296 to watch it wrap).", valueName: "us"))
    var clockStart: UInt64 = 0

    @Option(help: ArgumentHelp(
        "The board to simulate: liptwitch (this project's sensor), openbci-cyton or bitalino.", valueName: "name"))
    var board = SensorDriver.Family.liptwitch

    @Option(name: .customLong("lip-channel"),
            help: "openbci-cyton: the channel (1 to 8) the lip's electrodes are on; bitalino: the input (1 to 6) of its EMG sensor.")
    var lipChannel = 1

    @Option(name: .customLong("reset-after"),
            help: "openbci-cyton, bitalino: the board resets itself this many seconds after the start.")
    var resetAfter: Double?

    @Flag(name: .customLong("board-off"), help: "openbci-cyton: the board is off; the dongle answers Failure to every command.")
    var boardOff = false

    @Option(name: .customLong("lost-byte-every"), help: "openbci-cyton, bitalino: one byte of every Nth packet or frame is lost.")
    var lostByteEvery: Int?

    @Option(name: .customLong("wrong-footer-every"), help: "openbci-cyton: every Nth packet ends in a wrong footer.")
    var wrongFooterEvery: Int?

    @Option(name: .customLong("bad-crc-every"), help: "bitalino: every Nth frame has a bit flipped, so its CRC fails.")
    var badCRCEvery: Int?

    func validate() throws {
        switch board {
        case .liptwitch: try validateLipTwitch()
        case .openBCICyton, .bitalino: try validateBoard()
        }
    }

    /// What a board of another family takes: an EMG scenario, its own faults, a port to serve.
    private func validateBoard() throws {
        guard !(try Scenario.named(scenario)).isAccelerometer else {
            throw ValidationError("--board \(board.rawValue) streams EMG: choose an EMG scenario.")
        }
        let (lipChannels, otherBoardOnly) =
            board == .bitalino
            ? (BITalinoSettings.channels, [("--board-off", boardOff), ("--wrong-footer-every", wrongFooterEvery != nil)])
            : (CytonSettings.channels, [("--bad-crc-every", badCRCEvery != nil)])
        guard lipChannels.contains(lipChannel) else {
            throw ValidationError("--lip-channel must be between 1 and \(lipChannels.upperBound) for --board \(board.rawValue).")
        }
        for (name, given) in otherBoardOnly where given {
            throw ValidationError("\(name) is not for --board \(board.rawValue).")
        }
        for (name, value) in [("--lost-byte-every", lostByteEvery), ("--wrong-footer-every", wrongFooterEvery),
                              ("--bad-crc-every", badCRCEvery)]
        where (value ?? 1) < 1 {
            throw ValidationError("\(name) counts packets or frames: give 1 or more.")
        }
        let lipTwitchOnly = [
            ("--dump", dump != nil), ("--capture", capture != nil), ("--channels", channels != 2), ("--rate", rate != nil),
            ("--serial", serial != SimulatorConfiguration().serialNumber), ("--garbage", garbage != 0),
            ("--bit-flip", bitFlip != 0), ("--drop", drop != 0), ("--protocol-major", protocolMajor != 1),
            ("--drift", drift != 0), ("--sample-format", sampleFormat != "int16"), ("--clock-start", clockStart != 0),
        ]
        for (name, given) in lipTwitchOnly where given {
            throw ValidationError("\(name) is for LipTwitch's own sensor, not --board \(board.rawValue).")
        }
        try validateCommonFaults()
    }

    private func validateLipTwitch() throws {
        let boardOnly = [
            ("--lip-channel", lipChannel != 1), ("--reset-after", resetAfter != nil), ("--board-off", boardOff),
            ("--lost-byte-every", lostByteEvery != nil), ("--wrong-footer-every", wrongFooterEvery != nil),
            ("--bad-crc-every", badCRCEvery != nil),
        ]
        for (name, given) in boardOnly where given {
            throw ValidationError("\(name) is for --board openbci-cyton or bitalino.")
        }
        guard Self.sampleFormats[sampleFormat] != nil else {
            throw ValidationError("--sample-format is int16 or int24.")
        }
        guard clockStart < 1 << 40 else { throw ValidationError("--clock-start must be below 2^40 µs.") }
        let kind = try Scenario.named(scenario)
        if let rate, !(Int(kind.minimumSampleRateHz)...4000).contains(rate) {
            throw ValidationError(
                "--rate for \(scenario) must be between \(Int(kind.minimumSampleRateHz)) and 4000 Hz.")
        }
        guard (1...8).contains(channels) else {
            throw ValidationError("--channels must be between 1 and 8.")
        }
        if channels != 2, kind.isAccelerometer {
            throw ValidationError("--channels applies to EMG scenarios; the accelerometer scenario has one x, y, z triad.")
        }
        for (name, value) in [("--garbage", garbage), ("--bit-flip", bitFlip), ("--drop", drop)]
        where !(0...1).contains(value) {
            throw ValidationError("\(name) is a probability: give a number from 0 to 1.")
        }
        try validateCommonFaults()
        guard (1...16).contains(serial.utf8.count),
            serial.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else {
            throw ValidationError("--serial must be 1 to 16 letters, digits, -, _ or . (PROTOCOL.md section 6.1).")
        }
        guard protocolMajor >= 1 else { throw ValidationError("--protocol-major starts at 1.") }
        guard abs(drift) <= 10_000 else { throw ValidationError("--drift must be within ±10000 ppm.") }
        if dump != nil, capture != nil {
            throw ValidationError("--dump and --capture write two kinds of file: choose one.")
        }
        if dump != nil || capture != nil {
            for (name, given) in [("--symlink", symlink != nil), ("--disconnect-after", disconnectAfter != nil),
                                  ("--drift", drift != 0)] where given {
                throw ValidationError("\(name) needs a port to serve: leave out --dump and --capture.")
            }
        }
    }

    /// The faults both boards have, and the duration.
    private func validateCommonFaults() throws {
        if let duration, !(duration > 0 && duration <= 86_400) {
            throw ValidationError("--duration must be more than 0 and at most 86400 seconds (a day).")
        }
        if (stallAfter == nil) != (stallFor == nil) {
            throw ValidationError("--stall-after and --stall-for go together: give both.")
        }
        for (name, value) in [("--stall-after", stallAfter), ("--stall-for", stallFor),
                              ("--disconnect-after", disconnectAfter), ("--replug-after", replugAfter),
                              ("--reset-after", resetAfter)]
        where (value ?? 0) < 0 {
            throw ValidationError("\(name) is a number of seconds: give 0 or more.")
        }
    }

    /// The formats --sample-format takes, by the names PROTOCOL.md gives them.
    private static let sampleFormats: [String: SampleFormat] = ["int16": .int16, "int24": .int24]

    func run() throws {
        let options = VirtualSensorOptions(
            symlink: symlink, replugAfter: .milliseconds(Int64(replugAfter * 1000)), driftPartsPerMillion: drift)
        if board == .bitalino {
            var simulation = BITalinoSimulation()
            simulation.seed = seed
            simulation.scenario = try Scenario.named(scenario)
            simulation.lipChannel = lipChannel
            simulation.faults.stall = stallAfter.map { (at: $0, seconds: stallFor ?? 0) }
            simulation.faults.resetAt = resetAfter
            simulation.faults.unplugAt = disconnectAfter
            simulation.faults.lostByteEveryFrames = lostByteEvery
            simulation.faults.badCRCEveryFrames = badCRCEvery
            try VirtualSensorSession(bitalino: simulation, options: options, groundTruthPath: groundTruth, duration: duration)
                .run()
            return
        }
        if board == .openBCICyton {
            var simulation = CytonSimulation()
            simulation.seed = seed
            simulation.scenario = try Scenario.named(scenario)
            simulation.lipChannel = lipChannel
            simulation.faults.stall = stallAfter.map { (at: $0, seconds: stallFor ?? 0) }
            simulation.faults.resetAt = resetAfter
            simulation.faults.boardOff = boardOff
            simulation.faults.unplugAt = disconnectAfter
            simulation.faults.lostByteEveryPackets = lostByteEvery
            simulation.faults.wrongFooterEveryPackets = wrongFooterEvery
            try VirtualSensorSession(cyton: simulation, options: options, groundTruthPath: groundTruth, duration: duration).run()
            return
        }
        var configuration = SimulatorConfiguration()
        let kind = try Scenario.named(scenario)
        configuration.seed = seed
        configuration.serialNumber = serial
        configuration.scenario = kind
        configuration.placements = SimulatorConfiguration.emgPlacements(count: channels)
        configuration.sampleRateHz = rate ?? Int(kind.defaultSampleRateHz)
        configuration.protocolMajor = protocolMajor
        configuration.clockStartMicros = clockStart
        configuration.sampleFormat = Self.sampleFormats[sampleFormat] ?? .int16
        configuration.faults = FaultInjection(
            garbage: garbage, bitFlip: bitFlip, drop: drop,
            stall: stallAfter.map { FaultInjection.Stall(after: $0, duration: stallFor ?? 0) },
            disconnectAfter: disconnectAfter)
        if let capture {
            let faults = [garbage > 0 ? "garbage" : nil, bitFlip > 0 ? "bit flips" : nil, drop > 0 ? "lost frames" : nil,
                          stallAfter != nil ? "a stall" : nil, protocolMajor > 1 ? "a newer protocol" : nil].compactMap { $0 }
            try SimulatedCapture(
                configuration: configuration, durationSeconds: duration ?? 10,
                description: "liptwitch simulate --scenario \(scenario) --seed \(seed): "
                    + "\(configuration.channels.count) channels at \(configuration.sampleRateHz) Hz"
                    + (configuration.sampleFormat == .int24 ? ", int24 samples" : "")
                    + (faults.isEmpty ? "" : " with \(faults.joined(separator: ", "))"),
                tool: "liptwitch \(LipTwitch.configuration.version)", startWall: LipTwitch.clock.now()
            ).write(to: BufferedOutput(path: capture))
            return
        }
        guard let dump else {
            try VirtualSensorSession(
                configuration: configuration, options: options, groundTruthPath: groundTruth, duration: duration
            ).run()
            return
        }
        let output = try BufferedOutput(path: dump)
        let truth = try groundTruth.map { try GroundTruthLog(path: $0, configuration: configuration) }
        try SimulatedDump(configuration: configuration, durationSeconds: duration ?? 10)
            .run(output: output, groundTruth: truth)
    }
}
