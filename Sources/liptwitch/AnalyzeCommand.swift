import ArgumentParser
import LipTwitchDetector
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch analyze`: a recorded file through the detector, episodes out as JSON lines.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find the twitches in a recorded file (CSV or EDF/EDF+) and write its episodes as JSON lines.",
        discussion: """
            Runs the same detector as a live sensor over the whole recording, block by block \
            (any length, constant memory). Writes a line of class "recording" (the channels \
            it watches), one line of class "episode" per episode of twitches or tremor, with \
            offset_s (seconds from the start of the file), duration, twitch count, peak and RMS \
            amplitude (µV or g), dominant frequency, confidence, the list of its twitches and \
            an envelope for plotting, then a line of class "summary" that counts everything \
            else it set aside (talking, chewing, pressing; pops, lead-off, saturation, motion). \
            A sentence for people and, at a terminal, a progress bar go to standard error. \
            docs/DETECTOR.md describes every field.

            Files: CSV with a time_s column and one column per channel, its unit in its name \
            (emg_uv, or ax_g,ay_g,az_g), or EDF/EDF+ (docs/RECORDINGS.md). The calibration \
            profile from liptwitch calibrate is used when there is one at the default place \
            (\(ProfileFile.defaultPath ?? "$XDG_CONFIG_HOME/liptwitch/profile.json")) or given with --profile.

            Examples:
              liptwitch generate --scenario talking-chewing --duration 600 --out day.csv
              liptwitch analyze day.csv
              liptwitch analyze night.edf --out night-episodes.jsonl
              liptwitch analyze sensor.csv --rate 1000 --profile my-profile.json
              liptwitch analyze day.csv | grep '"class":"episode"' | wc -l
            """
    )

    @Argument(help: ArgumentHelp("The recording: .csv or .edf; - reads standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Write the JSON lines to this file (mode 0600) instead of standard output.", valueName: "file"))
    var out: String = "-"

    @Option(help: ArgumentHelp("Sample rate of a CSV file, Hz, instead of its time column.", valueName: "hz"))
    var rate: Double?

    @Option(help: ArgumentHelp("The calibration profile to use (default: the one at the default place, if any).",
                               valueName: "file"))
    var profile: String?

    @Flag(name: .customLong("no-profile"), help: "Use no calibration profile, not even the default one.")
    var noProfile = false

    func validate() throws {
        if let rate, !(rate > 0 && rate <= 100_000) {
            throw ValidationError("--rate must be more than 0 and at most 100000 Hz.")
        }
        if profile != nil, noProfile {
            throw ValidationError("--profile and --no-profile contradict each other; use one of them.")
        }
    }

    func run() throws {
        var chosen: (profile: DetectorProfile, path: String)?
        if let profile {
            chosen = (try ProfileFile.read(profile), profile)
        } else if !noProfile {
            chosen = try ProfileFile.readDefault()
        }
        let analysis = RecordingAnalysis(
            path: file, sampleRateHz: rate, profile: chosen?.profile, profileSource: chosen?.path)
        let output = try BufferedOutput(replacing: out)
        let report = try analysis.run(output: output)
        try output.commit()
        let profileNote = chosen.map { " (calibration: \($0.path))" } ?? " (no calibration profile)"
        StandardError.write("liptwitch analyze: \(report.sentence)\(profileNote)")
    }
}
