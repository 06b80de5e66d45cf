import LipTwitchDetector
import LipTwitchSignals
import Testing

/// The accelerometer's own tremor stage (docs/DETECTOR.md, "Accelerometer tremor"): a lip
/// tremor in a varied accelerometer recording is reported as a tremor episode, never as
/// twitches, and walking and head motion are never called a tremor.
@Suite struct AccelerometerTremorTests {
    static let seconds = 300.0

    private static func overlaps(_ episode: Episode, _ event: TruthEvent) -> Bool {
        episode.startSample <= event.offsetSample && episode.endSample >= event.onsetSample
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func aLipTremorIsFoundAsTremor(seed: UInt64) throws {
        let run = try ScenarioRun(.accelerometer, seconds: Self.seconds, seed: seed, variation: .tuning)
        let score = run.score
        #expect(score.tremorSegments > 0, "a varied accelerometer recording of 5 minutes holds a tremor")
        #expect(score.tremorFound == score.tremorSegments, "\(score)")
        #expect(score.twitchesDuringTremor == 0, "\(score)")
        for episode in run.episodes where episode.kind == .tremor {
            #expect(run.truth.contains { $0.kind == .tremor && Self.overlaps(episode, $0) },
                    "the tremor episode at \(episode.startSample) lies on a tremor")
            #expect((4...6.5).contains(episode.dominantFrequencyHz), "\(episode.dominantFrequencyHz) Hz")
            #expect(episode.twitchCount == 0)
        }
    }

    /// The fixed design's accelerometer recordings have walking and head motion, and no
    /// tremor: none may be reported.
    @Test(arguments: [UInt64(1), 2, 3])
    func walkingAndHeadMotionAreNotTremor(seed: UInt64) throws {
        let run = try ScenarioRun(.accelerometer, seconds: Self.seconds, seed: seed)
        #expect(run.truth.contains { $0.kind == .walking } || run.truth.contains { $0.kind == .headMotion })
        let tremors = run.episodes.filter { $0.kind == .tremor }
        #expect(tremors.isEmpty, "tremor episodes at \(tremors.map(\.startSample))")
        #expect(run.counters.tremorEpisodes == 0)
    }
}
