@testable import LipTwitchDetector
import LipTwitchSignals
import Testing

/// The mains is decided from hum, and only from hum: a recording without any is never
/// taken for 50 or 60 Hz, however long, and one with hum is decided within seconds.
@Suite struct MainsDecisionTests {
    /// The first channel of `seconds` of a generated recording, through the EMG chain with
    /// the mains found automatically; the mains decided at the end.
    static func decidedMains(_ scenario: Scenario, seed: UInt64, variation: ScenarioVariation, seconds: Double)
        -> Double? {
        var generator = ScenarioGenerator(
            scenario: scenario, seed: seed, durationSeconds: seconds, variation: variation)
        let configuration = DetectorConfiguration()
        var filter = EMGConditioner(configuration: configuration, sampleRate: generator.sampleRateHz,
                                    humSearchSeconds: configuration.humSearchSeconds)
        let columns = generator.channels.count
        var values: [Float] = []
        var quality: [SampleQuality] = []
        var block: [Double] = []
        var strength: [Double] = []
        var slow: [Double] = []
        let blockFrames = 2000
        for _ in 0..<Int(seconds * generator.sampleRateHz) / blockFrames {
            values.removeAll(keepingCapacity: true)
            quality.removeAll(keepingCapacity: true)
            generator.generate(sampleCount: blockFrames, values: &values, quality: &quality)
            block = (0..<blockFrames).map { Double(values[$0 * columns]) }
            filter.process(&block, strength: &strength, slow: &slow)
        }
        return filter.mainsHz
    }

    /// With one noise reference (55 Hz) and two votes in a row, the clean scenario (seed 1)
    /// was taken for 60 Hz at 816 s and the held-out near-floor seed 1003 for 50 Hz at
    /// 158 s, from bursts that happened to peak at those frequencies two seconds running.
    @Test(arguments: [(Scenario.clean, UInt64(1), ScenarioVariation.none, 1200.0),
                      (.nearFloor, 1003, .heldOut, 300)])
    func noHumDecidesNoMains(scenario: Scenario, seed: UInt64, variation: ScenarioVariation, seconds: Double) {
        #expect(Self.decidedMains(scenario, seed: seed, variation: variation, seconds: seconds) == nil)
    }

    /// Varied hum (its strength, harmonics and frequency off the nominal) is decided within
    /// 4 s, among twitches.
    @Test(arguments: [(Scenario.hum50, 50.0), (.hum60, 60.0)])
    func humIsDecided(scenario: Scenario, mains: Double) {
        #expect(Self.decidedMains(scenario, seed: 1004, variation: .heldOut, seconds: 4) == mains)
    }
}
