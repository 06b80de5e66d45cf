import ArgumentParser
import LipTwitchRuntime
import LipTwitchSignals

/// `liptwitch generate`: a seeded, labelled recording of a scenario, as CSV with its truth.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded, labelled test recording (CSV) and its ground truth.",
        discussion: """
            Makes a recording of a scenario, sample by sample, as a CSV file that \
            `liptwitch analyze` reads (time_s, then one column per channel: emg_uv, or \
            ax_g,ay_g,az_g), and writes what really happened in it (every twitch with its onset \
            and offset, tremor, talking, chewing, artifacts) beside it as NAME.truth.json \
            (docs/DETECTOR.md describes the file). The same scenario and seed always give the \
            same bytes; any length takes the same memory.

            Scenarios:
            \(Scenario.helpListing)

            Variation (--vary): by default a scenario is made to one fixed design, and its \
            recordings are what they have always been (tests and captures depend on that). \
            --vary departs from that design, differently for every seed (the same seed, the \
            same recording; the same departures in every scenario of that seed, so its \
            calibration recording matches): motor-unit action potential shape and width, \
            firing rates, burst durations, electrode noise colour (white to brown) and level, \
            mains hum level, frequency (50 or 60 Hz, slightly off) and harmonics, electrode \
            pops' time constants and rate, cable motion where there are artifacts, speech and \
            chewing rhythms, the accelerometer's mounting angle and head movements. The truth \
            file then names the variation and the hum's mains frequency.
            \(ScenarioVariation.helpListing)
            Tune the detector on `tuning` only; `held-out` (ranges outside tuning's, other \
            shapes) is for measuring how it does on what it was not tuned for \
            (docs/DETECTOR.md, "Varied recordings").

            Examples:
              liptwitch generate --scenario clean --duration 60 --seed 1 --out clean.csv
              liptwitch generate --scenario talking-chewing --duration 600 --out day.csv
              liptwitch generate --scenario mixed --channels 2 --duration 3600 --out hour.csv
              liptwitch generate --scenario calibration --duration 40 --out calibration.csv
              liptwitch generate --scenario hum-50 --vary tuning --seed 7 --duration 240 --out hum.csv
              liptwitch generate --scenario calibration --vary tuning --seed 7 --duration 40 --out cal.csv
            """
    )

    @Option(help: ArgumentHelp("The scenario (see the list below).", valueName: "name"))
    var scenario: String

    @Option(help: "Length of the recording, in seconds.")
    var duration = 60.0

    @Option(help: "Seed: the same seed gives the same recording (and the same wearer in every scenario).")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Sample rate in Hz (default: 2000 for EMG, 500 for the accelerometer).", valueName: "hz"))
    var rate: Double?

    @Option(help: "Number of EMG channels, 1 to 8 (EMG scenarios only).")
    var channels = 1

    @Option(help: ArgumentHelp("The CSV file to write; the truth goes beside it as NAME.truth.json.", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Write the truth here instead of beside the CSV.", valueName: "file"))
    var truth: String?

    @Option(help: ArgumentHelp(
        "Depart from the fixed design, drawn from the seed: none, tuning or held-out (see below).",
        valueName: "variation"))
    var vary = "none"

    func validate() throws {
        let kind = try Scenario.named(scenario)
        _ = try ScenarioVariation.named(vary)
        guard duration > 0, duration <= 7 * 86_400 else {
            throw ValidationError("--duration must be more than 0 and at most 604800 seconds (a week).")
        }
        if let rate, !(kind.minimumSampleRateHz...20_000).contains(rate) {
            throw ValidationError(
                "--rate for \(scenario) must be between \(Int(kind.minimumSampleRateHz)) and 20000 Hz.")
        }
        guard (1...8).contains(channels) else {
            throw ValidationError("--channels must be between 1 and 8.")
        }
        if channels > 1, kind.isAccelerometer {
            throw ValidationError("--channels applies to EMG scenarios; the accelerometer scenario has one x, y, z triad.")
        }
        if out == "-", truth == nil {
            throw ValidationError("--out - writes the CSV to standard output; give --truth FILE for the ground truth.")
        }
    }

    func run() throws {
        let recording = ScenarioRecording(
            scenario: Scenario(rawValue: scenario)!, seed: seed, durationSeconds: duration, sampleRateHz: rate,
            emgChannelCount: channels, variation: ScenarioVariation(rawValue: vary)!)
        try recording.write(to: out, truthPath: truth)
    }
}
