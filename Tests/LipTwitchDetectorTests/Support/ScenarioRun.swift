import LipTwitchDetector
import LipTwitchSignals

/// A generated scenario run through the detector in one go: what the detector reported
/// and what really happened.
struct ScenarioRun {
    let sampleRate: Double
    let sampleCount: Int
    let truth: [TruthEvent]
    let events: [DetectorEvent]
    let counters: DetectorCounters

    /// Runs `scenario` for `seconds`, feeding blocks of `blockSize` frames (or the sizes
    /// `blockSizes` cycles through). The frames in `gaps` (sample ranges, in order) are lost
    /// on the way, as the pipeline hands them over: zeros flagged `.gap`. `added` (of the
    /// sample index) is added to the first column: hum, artifacts. `variation` departs from
    /// the generator's fixed design (docs/DETECTOR.md, "Varied recordings").
    init(_ scenario: Scenario, seconds: Double, seed: UInt64 = 1, blockSizes: [Int] = [500],
         configuration: DetectorConfiguration = DetectorConfiguration(), profile: DetectorProfile? = nil,
         emgChannels: Int = 1, gaps: [Range<Int>] = [], added: ((Int) -> Double)? = nil,
         variation: ScenarioVariation = .none) throws {
        var generator = ScenarioGenerator(
            scenario: scenario, seed: seed, emgChannelCount: emgChannels, durationSeconds: seconds,
            variation: variation)
        var detector = try TwitchDetector(
            sampleRateHz: generator.sampleRateHz, inputs: Self.inputs(of: generator), columnCount: generator.channels.count,
            configuration: configuration, profile: profile)
        let total = Int(seconds * generator.sampleRateHz)
        var events: [DetectorEvent] = []
        var truth: [TruthEvent] = []
        var values: [Float] = []
        var quality: [SampleQuality] = []
        var done = 0
        var turn = 0
        while done < total {
            let count = min(blockSizes[turn % blockSizes.count], total - done)
            turn += 1
            values.removeAll(keepingCapacity: true)
            quality.removeAll(keepingCapacity: true)
            generator.generate(sampleCount: count, values: &values, quality: &quality)
            if let added {
                for frame in 0..<count { values[frame * generator.channels.count] += Float(added(done + frame)) }
            }
            Self.lose(gaps, from: done, columns: generator.channels.count, values: &values, quality: &quality)
            detector.process(values, quality: quality, into: &events)
            done += count
        }
        detector.finish(into: &events)
        generator.finish()
        generator.takeTruth(into: &truth)
        sampleRate = generator.sampleRateHz
        sampleCount = total
        self.truth = truth
        self.events = events
        counters = detector.counters
    }

    /// Replaces the frames of `gaps` in a block that starts at frame `start` by lost ones.
    private static func lose(
        _ gaps: [Range<Int>], from start: Int, columns: Int, values: inout [Float], quality: inout [SampleQuality]
    ) {
        let block = start..<(start + values.count / columns)
        for gap in gaps where gap.overlaps(block) {
            for frame in gap.clamped(to: block) {
                for column in 0..<columns {
                    values[(frame - start) * columns + column] = 0
                    quality[(frame - start) * columns + column] = .gap
                }
            }
        }
    }

    /// One detector input per EMG channel, or one for the accelerometer triad.
    static func inputs(of generator: ScenarioGenerator) -> [DetectorInput] {
        if generator.scenario.isAccelerometer {
            return [DetectorInput(kind: .accelerometer(x: 0, y: 1, z: 2), label: "a", placement: "lower-center")]
        }
        return generator.channels.enumerated().map { column, channel in
            DetectorInput(kind: .emg(column: column), label: channel.name, placement: channel.placement)
        }
    }

    var episodes: [Episode] {
        events.compactMap { if case .episode(let episode) = $0 { episode } else { nil } }
    }

    /// Every twitch the detector reported, from the episodes.
    var detectedTwitches: [(input: Int, twitch: Twitch)] {
        episodes.filter { $0.kind == .twitch }.flatMap { episode in episode.twitches.map { (episode.input, $0) } }
    }

    var score: EventScore {
        EventScore(truth: truth, detections: detectedTwitches.map { ($0.input, $0.twitch.onsetSample) },
                   tremorEpisodes: episodes.filter { $0.kind == .tremor }.map { ($0.startSample, $0.endSample) },
                   sampleRate: sampleRate)
    }
}
