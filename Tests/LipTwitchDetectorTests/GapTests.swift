import LipTwitchDetector
import LipTwitchSignals
import Testing

/// Lost samples (frames lost on the wire, a sensor's overrun): what a gap costs is the
/// twitches it touches, never the ones around it (docs/DETECTOR.md, "Gaps").
@Suite struct GapTests {
    static let rate = 2000.0

    /// Gaps of 1 ms to 400 ms every 3 to 9 s, seeded.
    static func gaps(seconds: Double, seed: UInt64) -> [Range<Int>] {
        var random = SignalRandom(seed: seed)
        let lengths = [2, 6, 16, 60, 200, 400, 800]
        var gaps: [Range<Int>] = []
        var start = Int(Double.random(in: 2...5, using: &random) * rate)
        while start < Int(seconds * rate) {
            let length = lengths[Int.random(in: 0..<lengths.count, using: &random)]
            gaps.append(start..<(start + length))
            start += length + Int(Double.random(in: 3...9, using: &random) * rate)
        }
        return gaps
    }

    @Test(arguments: [(Scenario.clean, UInt64(11)), (.clusters, 3), (.hum50, 2)])
    func twitchesAwayFromGapsAreFound(scenario: Scenario, seed: UInt64) throws {
        let seconds = 150.0
        let gaps = Self.gaps(seconds: seconds, seed: seed)
        let whole = try ScenarioRun(scenario, seconds: seconds, seed: seed)
        let run = try ScenarioRun(scenario, seconds: seconds, seed: seed, gaps: gaps)
        let configuration = DetectorConfiguration()
        // A burst ends up to the merge gap after the twitch's last action potential.
        let margin = Int((configuration.gapGuardSeconds + configuration.mergeGapSeconds) * Self.rate)
        let touched = run.truth.filter { twitch in
            twitch.kind == .twitch && gaps.contains {
                $0.lowerBound <= twitch.offsetSample + margin && $0.upperBound + margin > twitch.onsetSample
            }
        }
        let found = Set(run.detectedTwitches.map(\.twitch.onsetSample))
        let foundWhole = Set(whole.detectedTwitches.map(\.twitch.onsetSample))
        let window = Int(EventScore.tolerance * Self.rate)
        func isFound(_ twitch: TruthEvent, in onsets: Set<Int>) -> Bool {
            onsets.contains { abs($0 - twitch.onsetSample) <= window }
        }
        let away = run.truth.filter { twitch in
            twitch.kind == .twitch && !touched.contains { $0.onsetSample == twitch.onsetSample }
        }
        let missed = away.filter { isFound($0, in: foundWhole) && !isFound($0, in: found) }
        #expect(!touched.isEmpty && away.count >= 2 * touched.count, "\(touched.count) of \(away.count + touched.count) twitches touch a gap")
        #expect(missed.isEmpty, "\(missed.count) twitches away from gaps missed: \(missed.map { Double($0.onsetSample) / Self.rate })")
        #expect(run.score.precision >= whole.score.precision - 0.02, "\(run.score) with gaps, \(whole.score) without")
        #expect(run.counters.invalidSamples == gaps.reduce(0) { $0 + $1.count })
    }

    /// A link that loses 5 % of its frames (16 samples each, as in the capture corpus's
    /// `dropped-frames`) costs little: short gaps only thin the bursts out.
    @Test(arguments: [(Scenario.clusters, UInt64(5)), (.clusters, 1), (.clean, 2), (.hum60, 4)])
    func frequentShortGapsCostLittle(scenario: Scenario, seed: UInt64) throws {
        let seconds = 150.0
        var random = SignalRandom(seed: seed)
        let frame = 16
        let gaps = stride(from: 0, to: Int(seconds * Self.rate), by: frame).compactMap { start in
            Double.random(in: 0..<1, using: &random) < 0.05 ? start..<(start + frame) : nil
        }
        let whole = try ScenarioRun(scenario, seconds: seconds, seed: seed)
        let run = try ScenarioRun(scenario, seconds: seconds, seed: seed, gaps: gaps)
        #expect(run.score.f1 >= whole.score.f1 - 0.05, "\(run.score) with gaps, \(whole.score) without")
        #expect(run.score.medianOnsetError < 0.03, "\(run.score)")
    }
}
