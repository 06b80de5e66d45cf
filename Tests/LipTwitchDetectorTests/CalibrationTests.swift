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

    /// Fed in batches as a live link delivers them, the calibrator counts down the rest,
    /// reports the floor once, then each press as it ends, numbered: what a console needs
    /// to guide the wearer. The profile is the one the whole recording at once gives.
    @Test func itReportsTheProtocolAsItHappens() throws {
        var generator = ScenarioGenerator(scenario: .calibration, seed: 21, durationSeconds: 40)
        var calibrator = try Calibrator(
            sampleRateHz: generator.sampleRateHz, inputs: ScenarioRun.inputs(of: generator), columnCount: 1)
        var values: [Float] = [], quality: [SampleQuality] = []
        generator.generate(sampleCount: 80_000, values: &values, quality: &quality)
        var events: [CalibrationEvent] = []
        for start in stride(from: 0, to: values.count, by: 37) {
            let end = min(start + 37, values.count)
            calibrator.process(Array(values[start..<end]), quality: Array(quality[start..<end]), into: &events)
        }
        let profile = try calibrator.finish(into: &events)
        #expect(profile == (try DetectorScenarioTests.calibrate(seed: 21)))

        let countdown = events.compactMap { event -> Int? in
            if case .resting(let left) = event { return left }
            return nil
        }
        #expect(countdown == Array((1...9).reversed()))
        let floors = events.compactMap { event -> [Double]? in
            if case .restMeasured(let floors) = event { return floors }
            return nil
        }
        #expect(floors == [[profile.channels[0].restFloor]])
        let presses = events.compactMap { event -> Int? in
            if case .press(_, _, let seconds, let count) = event, seconds >= Calibrator.minimumPressSeconds { return count }
            return nil
        }
        #expect(presses == [1, 2, 3, 4, 5])
        let firstPress = try #require(events.firstIndex { if case .press = $0 { true } else { false } })
        let measured = try #require(events.firstIndex { if case .restMeasured = $0 { true } else { false } })
        #expect(measured < firstPress)
        #expect(!events.contains { if case .shortPress = $0 { true } else { false } })
    }

    @Test func aRecordingWithoutPressesIsRefused() throws {
        var generator = ScenarioGenerator(scenario: .clean, seed: 1)
        var calibrator = try Calibrator(sampleRateHz: 2000, inputs: ScenarioRun.inputs(of: generator), columnCount: 1)
        var values: [Float] = [], quality: [SampleQuality] = []
        generator.generate(sampleCount: 2000 * 12, values: &values, quality: &quality)
        var events: [CalibrationEvent] = []
        calibrator.process(values, quality: quality, into: &events)
        #expect(throws: DetectorError.self) { try calibrator.finish(into: &events) }
    }

    @Test func aRecordingShorterThanTheRestIsRefused() throws {
        var calibrator = try Calibrator(
            sampleRateHz: 2000, inputs: [DetectorInput(kind: .emg(column: 0), label: "emg")], columnCount: 1)
        var events: [CalibrationEvent] = []
        calibrator.process([Float](repeating: 1, count: 4000), into: &events)
        do {
            _ = try calibrator.finish(into: &events)
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
