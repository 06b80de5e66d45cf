#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchCapture
import LipTwitchJournal
import LipTwitchLink
import LipTwitchSystem

/// `liptwitch replay FILE`: a capture through the live pipeline (`CapturePlayback`), as
/// fast as it goes or at `speed` times real time, to standard output (JSON or readable
/// lines of the chosen classes) or into a journal; and, when asked, the samples the
/// detector was given into a CSV recording (`ReplaySamplesFile`).
public struct CaptureReplay {
    public var path: String
    /// Times real time; nil: as fast as possible.
    public var speed: Double?
    /// The record classes to print (`PipelineRecord.className`); the journal takes what it
    /// keeps whatever they are.
    public var classes: Set<String>
    public var output: ReplayOutput
    /// The program, for journal records: its version.
    public var version: String
    /// The calibration profile the detector uses: the capture's by default.
    public var profile: ReplayProfile
    /// Where to write the samples the detector was given, as CSV (nil: nowhere).
    public var samplesPath: String?

    /// What a replay prints unless told otherwise: everything but the level meter, the
    /// sensor's status once a second and the detector's twitch candidates.
    public static let defaultClasses: Set<String> = [
        "capture", "link", "stream", "gap", "marker", "onset", "episode", "counters", "capture_end",
    ]
    /// Every class a replay can print.
    public static let allClasses: Set<String> = defaultClasses.union(["level", "status", "candidate"])

    public init(
        path: String, speed: Double?, classes: Set<String>, output: ReplayOutput, version: String,
        profile: ReplayProfile = .recorded, samplesPath: String? = nil
    ) {
        self.path = path
        self.speed = speed
        self.classes = classes
        self.output = output
        self.version = version
        self.profile = profile
        self.samplesPath = samplesPath
    }

    /// Why the replay failed, or how it fell short; its description is the sentence to show.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Replays the capture, printing to `lines` (standard output by default); returns the
    /// files the samples went to, if `samplesPath` asked for them.
    @discardableResult
    public func run(printingTo lines: BufferedOutput = BufferedOutput()) throws(Failure) -> [String] {
        let version = "liptwitch \(version)"
        var journal: ReplayJournal?
        let samples = samplesPath.map(ReplaySamplesFile.init)
        // Chosen with the header, before the header's line (CapturePlayback calls in that order).
        var choice: ReplayProfile.Choice?
        let configuration = { [profile, path, output, self] (header: CaptureHeader, anchor: WallClockAnchor) in
            choice = try profile.chosen(for: header, capture: path)
            let configuration = PipelineConfiguration(
                anchor: anchor, profile: choice?.profile, detectorVersion: version, handsOutSamples: samples != nil)
            if case .journal(let directory) = output {
                journal = try ReplayJournal(
                    directory: directory, version: self.version, detector: configuration.episodeDetector, anchor: anchor)
            }
            return configuration
        }
        let json: Bool = if case .lines(let json) = output { json } else { false }
        let pacer = speed.map { ReplayPacer(speed: $0, signals: SignalWaiter()) }
        var devicePath: String?
        var summary = ReplaySummary()
        let outcome: CapturePlayback.Outcome
        do {
            outcome = try CapturePlayback(path: path, configuration: configuration).play(
                header: { header, anchor in
                    devicePath = header.devicePath
                    pacer?.start(at: anchor.monotonic)
                    var object = header.json
                    choice?.describe(in: &object)
                    let sentence = header.sentence + "; " + ReplayProfile.phrase(choice, header: header)
                    try write(json ? object.serialized : sentence, className: "capture", to: lines)
                },
                pace: pacer.map { pacer in { time in (try? lines.flush()) != nil && pacer.wait(until: time) } }
            ) { record, anchor, at in
                try samples?.take(record)
                if case .samples = record { return }
                summary.count(record)
                try journal?.write(record, anchor: anchor, at: at, devicePath: devicePath)
                let line = json
                    ? record.json(anchor: anchor).serialized
                    : ElapsedTime.stamp(anchor.seconds(at: record.time ?? anchor.monotonic)) + record.sentence
                try write(line, className: record.className, to: lines)
            }
        } catch let failure as CapturePlayback.Failure {
            throw Failure(description: failure.description)
        } catch {
            throw Failure(description: "\(error)")
        }
        try? write(json ? outcome.ending.json.serialized : summary.sentence(outcome), className: "capture_end", to: lines)
        try? lines.flush()
        do {
            try journal?.finish(outcome: outcome)
            try samples?.close()
        } catch {
            throw Failure(description: "\(error)")
        }
        if outcome.finished, case .cut(let cut) = outcome.ending {
            throw Failure(description: CapturePlayback.cutSentence(cut, path: path, anchor: outcome.anchor))
        }
        return samples?.files ?? []
    }

    private func write(_ line: String, className: String, to output: BufferedOutput) throws(SystemError) {
        guard case .lines = self.output, classes.contains(className) else { return }
        try output.write(line: line)
    }
}
