import ArgumentParser
import LipTwitchDetector
import LipTwitchDiscovery
import LipTwitchLink
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch calibrate`: the wearer's rest floor and press strength, from the sensor live
/// or from a recording, to a profile the detector uses.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn your rest floor and the strength of a deliberate lip press, live from the sensor or from a recording.",
        discussion: """
            The protocol: sit still with relaxed lips for the first --rest seconds (10 by \
            default), then press your lips together firmly for about a second, at least three \
            times, with a few seconds of rest between. calibrate measures each channel's noise \
            at rest and the RMS of the presses, and writes them as a profile (JSON, mode 0600) \
            that liptwitch daemon and analyze use: bursts that come near press strength \
            are voluntary, not twitches. docs/DETECTOR.md, "Calibration".

            Without a file, calibrate talks to the sensor (the one plugged in, or --device) \
            and guides you through the protocol on the console: a countdown while you rest, \
            then each press as it is found, until --presses presses (5 by default), Ctrl-C or \
            --time-limit. A press shorter than 0.3 s does not count, and it tells you so. \
            --capture keeps the session's bytes; calibrating from that file gives the same \
            profile again. A daemon already running reads the new profile when restarted.

            With a file, it reads a recording made while following the protocol: CSV or EDF, \
            or a capture (.ltcap) of the sensor.

            Examples:
              liptwitch calibrate                         # the sensor plugged in
              liptwitch calibrate --device /dev/ttyACM0 --capture calib.ltcap
              liptwitch calibrate calib.ltcap --out profile.json
              liptwitch simulate --scenario calibration --symlink /tmp/sensor
              liptwitch calibrate --device /tmp/sensor    # the simulated wearer
              liptwitch generate --scenario calibration --duration 40 --out calibration.csv
              liptwitch calibrate calibration.csv
              liptwitch calibrate session.edf --rest 15 --out profile.json
            """
    )

    @Argument(help: ArgumentHelp(
        "A calibration recording: .csv, .edf or a capture (.ltcap); - reads CSV or EDF from standard input. "
            + "Without it, calibrate works with the sensor.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("The sensor's serial port (default: the one sensor plugged in).", valueName: "path"))
    var device: String?

    @Option(help: ArgumentHelp("Where to write the profile.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Length of the rest at the start, seconds.", valueName: "seconds"))
    var rest = 10.0

    @Option(help: ArgumentHelp("With the sensor: presses to ask for (3 to 20; default 5).", valueName: "n"))
    var presses: Int?

    @Option(help: ArgumentHelp(
        "With the sensor: end after this many seconds with what was found (default: --rest plus 60).",
        valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("With the sensor: also write the session to this capture file.", valueName: "file"))
    var capture: String?

    @OptionGroup var line: LineRateOption

    @OptionGroup var probing: ProbeOption

    @Option(help: ArgumentHelp("Sample rate of a CSV file, Hz, instead of its time column.", valueName: "hz"))
    var rate: Double?

    func validate() throws {
        guard rest >= 3, rest <= 600 else {
            throw ValidationError("--rest must be between 3 and 600 seconds.")
        }
        if out == nil, ProfileFile.defaultPath == nil {
            throw ValidationError("neither XDG_CONFIG_HOME nor HOME is set, so there is no default place; give --out FILE.")
        }
        if let file {
            try validate(file: file)
        } else {
            try validateLive()
        }
    }

    private func validate(file: String) throws {
        if device != nil {
            throw ValidationError("give a recording or --device, not both: a recording is calibrated as it is.")
        }
        if let live = [("--presses", presses != nil), ("--time-limit", timeLimit != nil), ("--capture", capture != nil)]
            .first(where: \.1)
        {
            throw ValidationError("\(live.0) is for calibrating with the sensor; a recording is calibrated as it is.")
        }
        if let rate {
            guard rate > 0 && rate <= 100_000 else { throw ValidationError("--rate must be more than 0 and at most 100000 Hz.") }
            guard !Self.isCapture(file) else {
                throw ValidationError("--rate is for CSV files: a capture carries its sensor's rate.")
            }
        }
    }

    private func validateLive() throws {
        if rate != nil {
            throw ValidationError("--rate is for CSV files: the sensor says its rate.")
        }
        if let presses, !(Calibrator.minimumPresses...20).contains(presses) {
            throw ValidationError("--presses must be between \(Calibrator.minimumPresses) and 20.")
        }
        if let timeLimit, !(timeLimit > rest && timeLimit <= 3600) {
            throw ValidationError("--time-limit must be longer than --rest (\(rest) s) and at most 3600 s.")
        }
        if let capture, capture.isEmpty || capture == "-" {
            throw ValidationError("--capture needs a file name: a capture is binary, not for a terminal or a pipe.")
        }
    }

    func run() throws {
        let (profile, source) = try file.map { file in (try calibrate(file: file), file) } ?? calibrateLive()
        let path = out ?? ProfileFile.defaultPath!
        try ProfileFile.write(profile, calibratedFrom: source, to: path)
        StandardError.write("liptwitch calibrate: wrote \(path); " + PipelineCalibration.summary(of: profile))
    }

    private func calibrate(file: String) throws -> DetectorProfile {
        if Self.isCapture(file) { return try CaptureCalibration(path: file, restSeconds: rest).run() }
        return try RecordingCalibration(path: file, sampleRateHz: rate, restSeconds: rest).run()
    }

    private func calibrateLive() throws -> (DetectorProfile, String) {
        let location = try device.map { SensorLocation(devicePath: $0) }
            ?? DeviceSurvey(configuration: DiscoveryConfiguration(probeIDs: probing.probe ? USBDeviceID.sensorBoards : [], boardProbes: [:]))
            .onlySensor()
        let port = location.devicePath
        let profile = try LiveCalibration(
            devicePath: port, needsProof: location.needsProof, restSeconds: rest, presses: presses ?? 5, timeLimit: timeLimit ?? rest + 60,
            capturePath: capture, link: LinkConfiguration(lineRates: line.lineRates), tool: "liptwitch \(LipTwitch.configuration.version)",
            clock: LipTwitch.clock
        ).run()
        return (profile, port)
    }

    /// A capture file, by its name.
    private static func isCapture(_ file: String) -> Bool {
        file.lowercased().hasSuffix(".ltcap")
    }
}
