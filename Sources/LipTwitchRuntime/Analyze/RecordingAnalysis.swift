import LipTwitchDetector
import LipTwitchRecordings
import LipTwitchSystem

/// `liptwitch analyze`: a recording (CSV or EDF/EDF+) through the detector, block by
/// block: its episodes as JSON lines (after one `recording` line that describes it), then
/// a `summary` line. Memory stays the same whatever the length of the file.
public struct RecordingAnalysis {
    public var path: String
    /// Overrides a CSV file's time column.
    public var sampleRateHz: Double?
    public var profile: DetectorProfile?
    /// Where the profile came from, for the `recording` line.
    public var profileSource: String?
    public var configuration = DetectorConfiguration()

    public init(path: String, sampleRateHz: Double? = nil, profile: DetectorProfile? = nil, profileSource: String? = nil) {
        self.path = path
        self.sampleRateHz = sampleRateHz
        self.profile = profile
        self.profileSource = profileSource
    }

    /// Analyses the recording, writing lines to `output`, and returns what it counted.
    /// A progress bar goes to standard error when it is a terminal and `showsProgress`.
    public func run(output: BufferedOutput, showsProgress: Bool = true) throws -> AnalysisReport {
        let reader = RecordingReader(path: path, sampleRateHz: sampleRateHz)
        var bar = ProgressBar(label: "analysing", isShown: showsProgress && SystemEnvironment.standardErrorIsTerminal)
        defer { bar.finish() }
        var detector: TwitchDetector?
        var formatter: EpisodeJSON?
        var events: [DetectorEvent] = []
        func write(_ events: inout [DetectorEvent]) throws {
            for event in events {
                if case .episode(let episode) = event, let formatter { try output.write(line: formatter.line(episode)) }
            }
            events.removeAll(keepingCapacity: true)
        }
        _ = try reader.read(
            events: { event in
                switch event {
                case .format(let format):
                    let inputs = RecordingInputs.inputs(for: format)
                    do {
                        detector = try TwitchDetector(
                            sampleRateHz: format.sampleRateHz, inputs: inputs, columnCount: format.channels.count,
                            configuration: configuration, profile: profile)
                    } catch let error as DetectorError {
                        throw AnalysisError(file: reader.displayName, error)
                    }
                    formatter = EpisodeJSON(sampleRate: format.sampleRateHz, startTime: format.startTime)
                    try output.write(line: RecordingJSON.line(
                        file: path, format: format, inputs: inputs, configuration: configuration,
                        profileSource: profile == nil ? nil : profileSource))
                case .samples(let block):
                    detector?.process(block.values, into: &events)
                    try write(&events)
                case .annotation:
                    break
                }
            },
            progress: { bar.update($0) })
        guard var detector else {
            throw AnalysisError("cannot analyse \(reader.displayName): it holds no samples")
        }
        detector.finish(into: &events)
        try write(&events)
        let report = AnalysisReport(
            samples: detector.frameCount, sampleRateHz: detector.sampleRateHz, inputs: detector.inputs,
            counters: detector.counters, mainsHz: detector.mainsHz.compactMap { $0 }.first)
        try output.write(line: report.jsonLine)
        try output.flush()
        return report
    }
}
