import LipTwitchDetector
import LipTwitchSignals
import Testing

/// The detector on every scenario of the generator, scored against the ground truth with
/// the evaluation's rules (BENCHMARKS.md), on recordings short enough for the test suite.
/// The bounds are a little below the evaluation's targets, which are met on longer runs.
@Suite struct DetectorScenarioTests {
    static let seed: UInt64 = 11
    static let seconds = 150.0

    /// The wearer's calibration, from the calibration scenario with the same seed.
    static let profile: DetectorProfile? = try? calibrate(seed: seed)

    static func calibrate(seed: UInt64, variation: ScenarioVariation = .none) throws -> DetectorProfile {
        var generator = ScenarioGenerator(scenario: .calibration, seed: seed, durationSeconds: 40, variation: variation)
        var calibrator = try Calibrator(
            sampleRateHz: generator.sampleRateHz, inputs: ScenarioRun.inputs(of: generator), columnCount: 1)
        var values: [Float] = [], quality: [SampleQuality] = []
        generator.generate(sampleCount: 80_000, values: &values, quality: &quality)
        var events: [CalibrationEvent] = []
        calibrator.process(values, quality: quality, into: &events)
        return try calibrator.finish(into: &events)
    }

    private func run(_ scenario: Scenario) throws -> ScenarioRun {
        try ScenarioRun(scenario, seconds: Self.seconds, seed: Self.seed,
                        profile: scenario.isAccelerometer ? nil : Self.profile)
    }

    @Test(arguments: [
        (Scenario.clean, 0.95), (.hum50, 0.85), (.hum60, 0.85), (.talkingChewing, 0.7), (.clusters, 0.85),
        (.tremor, 0.85), (.nearFloor, 0.6), (.leadOff, 0.85), (.accelerometer, 0.7), (.mixed, 0.8),
    ])
    func twitchesAreFound(scenario: Scenario, minimumF1: Double) throws {
        let score = try run(scenario).score
        print("\(scenario.rawValue): \(score)")
        #expect(score.f1 >= minimumF1, "\(scenario.rawValue): \(score)")
        #expect(score.medianOnsetError < 0.03, "\(scenario.rawValue): \(score)")
    }

    @Test func tremorIsReportedAsTremorNeverAsTwitches() throws {
        let run = try run(.tremor)
        let score = run.score
        #expect(score.tremorSegments > 0)
        #expect(score.tremorFound == score.tremorSegments, "\(score)")
        #expect(score.twitchesDuringTremor == 0, "\(score)")
        let tremors = run.episodes.filter { $0.kind == .tremor }
        #expect(tremors.allSatisfy { (4...6.5).contains($0.dominantFrequencyHz) && $0.twitchCount == 0 })
    }

    @Test func leadOffAndSaturationNeverBecomeTwitches() throws {
        let run = try run(.leadOff)
        let bad = run.truth.filter { $0.kind == .leadOff || $0.kind == .saturation }
        #expect(!bad.isEmpty)
        for (_, twitch) in run.detectedTwitches {
            #expect(!bad.contains { $0.onsetSample <= twitch.endSample && $0.offsetSample >= twitch.onsetSample })
        }
        #expect(run.counters.artifacts > 0 && run.counters.invalidSamples > 0)
    }

    @Test func popsAreArtifacts() throws {
        let run = try run(.hum50)
        let pops = run.truth.filter { $0.kind == .pop }.count
        #expect(pops > 0)
        #expect(run.counters.pops >= pops / 2, "\(run.counters.pops) of \(pops) pops counted")
    }

    /// Every onset event comes within the stated bound after the twitch ends:
    /// `confirmationSeconds` alone, up to `maximumDeferralSeconds` when more activity
    /// follows (docs/DETECTOR.md, "Latency").
    @Test func onsetEventsComeWithinTheLatencyBound() throws {
        let configuration = DetectorConfiguration()
        let run = try run(.clusters)
        let onsets = run.events.compactMap { event -> DetectorOnset? in if case .onset(let onset) = event { onset } else { nil } }
        #expect(!onsets.isEmpty)
        for onset in onsets {
            let twitch = try #require(onset.twitch)
            let latency = Double(onset.confirmedAtSample - twitch.endSample) / run.sampleRate
            #expect(latency >= configuration.confirmationSeconds - 0.01)
            #expect(latency <= configuration.maximumDeferralSeconds + 0.01)
        }
        let isolated = try ScenarioRun(.clean, seconds: 60, seed: Self.seed)
        for event in isolated.events {
            guard case .onset(let onset) = event, let twitch = onset.twitch else { continue }
            let latency = Double(onset.confirmedAtSample - twitch.endSample) / isolated.sampleRate
            #expect(latency <= configuration.confirmationSeconds + 0.01, "an isolated twitch waits \(latency) s")
        }
    }

    @Test func episodesGatherTheirTwitches() throws {
        let run = try run(.clusters)
        let twitchEpisodes = run.episodes.filter { $0.kind == .twitch }
        #expect(twitchEpisodes.contains { $0.twitchCount >= 2 })
        for episode in twitchEpisodes {
            #expect(episode.twitches.count == episode.twitchCount)
            #expect(episode.startSample == episode.twitches.first?.onsetSample)
            #expect(episode.endSample == episode.twitches.map(\.endSample).max())
            #expect(!episode.envelope.isEmpty && episode.envelope.count <= 64)
            #expect(episode.envelope.count * episode.envelopeStepSamples >= episode.endSample - episode.startSample)
            #expect(episode.peak >= episode.rms && episode.rms > 0)
            #expect((0.4...1).contains(episode.confidence))
            #expect(episode.dominantFrequencyHz > 20 && episode.dominantFrequencyHz < 450)
            for (earlier, later) in zip(episode.twitches, episode.twitches.dropFirst()) {
                #expect(Double(later.onsetSample - earlier.endSample) / run.sampleRate <= 3)
            }
        }
        let onsetCount = run.events.filter { if case .onset(let onset) = $0 { onset.kind == .twitch } else { false } }.count
        #expect(onsetCount == twitchEpisodes.reduce(0) { $0 + $1.twitchCount })
    }

    @Test func twoChannelsKeepTheirTwitchesApart() throws {
        let run = try ScenarioRun(.clean, seconds: 120, seed: Self.seed, emgChannels: 2)
        let score = run.score
        #expect(score.f1 >= 0.9, "\(score)")
        #expect(Set(run.episodes.map(\.input)) == [0, 1])
        #expect(run.episodes.allSatisfy { $0.placement == ($0.input == 0 ? "upper-left" : "upper-right") })
    }
}
