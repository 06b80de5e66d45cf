import LipTwitchDetector
import LipTwitchSignals
import Testing

/// Calibration: the protocol recording gives a profile, the profile is used.
@Suite struct CalibrationTests {
    @Test func theCalibrationRecordingGivesTheWearersProfile() throws {
        let profile = try DetectorScenarioTests.calibrate(seed: 21)
        let channel = try #require(profile.channels.first)
        #expect(channel.pressCount == 5)
        #expect((0.8...4).contains(channel.restFloor), "rest floor \(channel.restFloor) µV")
        #expect(channel.pressRMS > 20 * channel.restFloor, "press \(channel.pressRMS) µV")
        #expect(channel.unit == "uV" && channel.label == "emg")
    }

    @Test func aRecordingWithoutPressesIsRefused() throws {
        var generator = ScenarioGenerator(scenario: .clean, seed: 1)
        var calibrator = try Calibrator(sampleRateHz: 2000, inputs: ScenarioRun.inputs(of: generator), columnCount: 1)
        var values: [Float] = [], quality: [SampleQuality] = []
        generator.generate(sampleCount: 2000 * 12, values: &values, quality: &quality)
        calibrator.process(values, quality: quality)
        #expect(throws: DetectorError.self) { try calibrator.finish() }
    }

    @Test func aRecordingShorterThanTheRestIsRefused() throws {
        var calibrator = try Calibrator(
            sampleRateHz: 2000, inputs: [DetectorInput(kind: .emg(column: 0), label: "emg")], columnCount: 1)
        calibrator.process([Float](repeating: 1, count: 4000))
        do {
            _ = try calibrator.finish()
            Issue.record("a 2 s recording gave a profile")
        } catch {
            #expect(error.description.contains("rest period"))
        }
    }

    /// The detector takes its voluntary threshold from the profile: a wearer whose presses
    /// are barely stronger than a twitch has every twitch called voluntary; the same
    /// recording with that wearer's real calibration finds them.
    @Test func theProfileIsUsed() throws {
        let seed: UInt64 = 21
        let calibrated = try DetectorScenarioTests.calibrate(seed: seed)
        var feeble = calibrated
        feeble.channels[0].pressRMS = 4 * calibrated.channels[0].restFloor
        let withCalibration = try ScenarioRun(.clean, seconds: 90, seed: seed, profile: calibrated)
        let withFeeble = try ScenarioRun(.clean, seconds: 90, seed: seed, profile: feeble)
        #expect(withCalibration.score.f1 >= 0.9, "\(withCalibration.score)")
        #expect(withFeeble.counters.twitches < withCalibration.counters.twitches / 2)
        #expect(withFeeble.counters.voluntaryBursts > withCalibration.counters.voluntaryBursts)
    }
}
