import ArgumentParser
import LipTwitchDetector
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch calibrate`: a calibration recording to a profile the detector uses.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn your rest floor and the strength of a deliberate lip press from a recording.",
        discussion: """
            The recording follows this protocol: sit still with relaxed lips for the first \
            --rest seconds (10 by default), then press your lips together firmly for about a \
            second, at least three times, with a few seconds of rest between. calibrate \
            measures each channel's noise at rest and the RMS of the presses, and writes them \
            as a profile (JSON, mode 0600) that liptwitch analyze uses: bursts that come near \
            press strength are voluntary, not twitches. docs/DETECTOR.md, "Calibration".

            Examples:
              liptwitch generate --scenario calibration --duration 40 --out calibration.csv
              liptwitch calibrate calibration.csv
              liptwitch calibrate session.edf --rest 15 --out profile.json
            """
    )

    @Argument(help: ArgumentHelp("The calibration recording: .csv or .edf; - reads standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Where to write the profile.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Sample rate of a CSV file, Hz, instead of its time column.", valueName: "hz"))
    var rate: Double?

    @Option(help: ArgumentHelp("Length of the rest at the start of the recording, seconds.", valueName: "seconds"))
    var rest = 10.0

    func validate() throws {
        if let rate, !(rate > 0 && rate <= 100_000) {
            throw ValidationError("--rate must be more than 0 and at most 100000 Hz.")
        }
        guard rest >= 3, rest <= 600 else {
            throw ValidationError("--rest must be between 3 and 600 seconds.")
        }
        if out == nil, ProfileFile.defaultPath == nil {
            throw ValidationError("neither XDG_CONFIG_HOME nor HOME is set, so there is no default place; give --out FILE.")
        }
    }

    func run() throws {
        let profile = try RecordingCalibration(path: file, sampleRateHz: rate, restSeconds: rest).run()
        let path = out ?? ProfileFile.defaultPath!
        try ProfileFile.write(profile, calibratedFrom: file, to: path)
        let channels = profile.channels.map { channel in
            "\(channel.label): rest \(Self.decimal(channel.restFloor)) \(channel.unit) RMS, presses "
                + "\(Self.decimal(channel.pressRMS)) \(channel.unit) RMS (\(channel.pressCount) found)"
        }
        StandardError.write("liptwitch calibrate: wrote \(path); " + channels.joined(separator: "; "))
    }

    /// Three significant digits, for people.
    private static func decimal(_ value: Double) -> String {
        var scale = 1.0
        while value * scale < 100, scale < 1e6 { scale *= 10 }
        return String((value * scale).rounded() / scale)
    }
}
