import LipTwitchDetector
import LipTwitchSignals
import Testing

/// `offsetPeakFraction` (off by default): a burst that also ends on a fraction of its own
/// peak leaves the ringing after a strong twitch out, so the next twitch of a cluster is
/// a burst of its own (docs/DETECTOR.md, "Bursts").
@Suite struct PeakOffsetTests {
    /// Mixed tuning seed 1011 (hum): its cluster at 115.7 to 123.6 s has five twitches,
    /// two of them 0.47 s apart after strong ones (peaks over 200 µV), joined through the
    /// combs' ringing into a 3 s burst, taken for voluntary activity with the whole cluster.
    @Test func aClusterUnderHumIsNotJoinedThroughTheRinging() throws {
        let profile = try DetectorScenarioTests.calibrate(seed: 1011, variation: .tuning)
        var splitting = DetectorConfiguration()
        splitting.offsetPeakFraction = 0.1
        let cluster = 115.5...124.0
        func found(_ run: ScenarioRun) -> Int {
            let twitches = run.truth.filter { $0.kind == .twitch && cluster.contains(Double($0.onsetSample) / run.sampleRate) }
            let window = Int(EventScore.tolerance * run.sampleRate)
            return twitches.filter { twitch in
                run.detectedTwitches.contains { abs($0.twitch.onsetSample - twitch.onsetSample) <= window }
            }.count
        }
        let joined = try ScenarioRun(.mixed, seconds: 600, seed: 1011, profile: profile, variation: .tuning)
        let split = try ScenarioRun(.mixed, seconds: 600, seed: 1011, configuration: splitting, profile: profile,
                                    variation: .tuning)
        #expect(found(split) >= 4, "\(found(split)) of the cluster's 5 found (\(found(joined)) by default)")
        #expect(found(joined) <= 1, "by default \(found(joined)) of 5")
    }
}
