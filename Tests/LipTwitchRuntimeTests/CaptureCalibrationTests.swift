import LipTwitchDetector
import LipTwitchRuntime
import LipTwitchSignals
import LipTwitchSimulator
import LipTwitchSystem
import Testing
import TestSupport

/// Calibration from a capture: a simulated wearer's session, made in virtual time, through
/// the pipeline that calibrates (the live session's code), and the lines the guide shows.
@Suite struct CaptureCalibrationTests {
    /// A capture of `seconds` of `scenario` from the simulator, as `liptwitch simulate
    /// --capture` writes it.
    static func capture(_ scenario: Scenario, seconds: Double, in temporary: TemporaryDirectory) throws -> String {
        var configuration = SimulatorConfiguration()
        configuration.scenario = scenario
        configuration.seed = 21
        let path = temporary.path + "/\(scenario.rawValue).ltcap"
        let output = try BufferedOutput(path: path)
        try SimulatedCapture(
            configuration: configuration, durationSeconds: seconds, description: "test", tool: "test",
            startWall: PinnedClock.at().now()
        ).write(to: output)
        try output.flush()
        return path
    }

    /// The simulated wearer's profile: both channels, five presses each, a rest floor of
    /// a few µV and presses far above it.
    static func expectTheWearersProfile(_ profile: DetectorProfile) {
        #expect(profile.channels.map(\.label) == ["upper-left", "upper-right"])
        for channel in profile.channels {
            #expect(channel.pressCount == 5)
            #expect((0.8...4).contains(channel.restFloor), "rest floor \(channel.restFloor) µV")
            #expect(channel.pressRMS > 20 * channel.restFloor, "press \(channel.pressRMS) µV")
        }
    }

    @Test func theCalibrationSessionGivesTheWearersProfile() throws {
        let temporary = try TemporaryDirectory()
        let path = try Self.capture(.calibration, seconds: 40, in: temporary)
        let profile = try CaptureCalibration(path: path, restSeconds: 10).run()
        Self.expectTheWearersProfile(profile)
        #expect(try CaptureCalibration(path: path, restSeconds: 10).run() == profile)
    }

    /// What a wearer sees: the rest counted down, the floor, the request to press, each
    /// press numbered once (two channels see every press), and the end.
    @Test func theGuideLeadsThroughTheProtocol() throws {
        let temporary = try TemporaryDirectory()
        let path = try Self.capture(.calibration, seconds: 40, in: temporary)
        var guide = CalibrationGuide(restSeconds: 10, presses: 4)
        var lines: [String] = []
        let playback = CapturePlayback(path: path) { PipelineConfiguration(anchor: $1, analysis: .calibrate(restSeconds: 10)) }
        _ = try playback.play { record, _, _ in
            guard !guide.hasEnoughPresses else { return }
            lines += guide.take(record)
        }
        let expected = [
            "Sit still with your lips relaxed for 10 s, starting now.", "  rest: 9 s", "  rest: 1 s",
            "Press 1 of 4 now.", "Relax, then press again (2 of 4).", "Relax, then press again (4 of 4).",
            "That is enough.",
        ]
        var position = lines.startIndex
        for line in expected {
            let found = lines[position...].firstIndex(of: line)
            #expect(found != nil, "'\(line)' missing in order from:\n\(lines.joined(separator: "\n"))")
            position = (found ?? position) + 1
        }
        #expect(lines.filter { $0.hasPrefix("  press ") }.count == 4)
        #expect(lines.contains { $0.hasPrefix("  rest floor upper-left ") && $0.contains(", upper-right ") })
        #expect(guide.hasEnoughPresses && !guide.isOver)
    }

    @Test func aSessionWithoutPressesSaysWhatToDo() throws {
        let temporary = try TemporaryDirectory()
        let path = try Self.capture(.clean, seconds: 20, in: temporary)
        #expect {
            try CaptureCalibration(path: path, restSeconds: 10).run()
        } throws: { error in
            "\(error)".contains("deliberate press(es)") && "\(error)".contains("press the lips together firmly")
        }
    }

    @Test func aSessionShorterThanTheRestSaysSo() throws {
        let temporary = try TemporaryDirectory()
        let path = try Self.capture(.calibration, seconds: 5, in: temporary)
        #expect {
            try CaptureCalibration(path: path, restSeconds: 10).run()
        } throws: { error in
            "\(error)".contains("within the 10 s rest period")
        }
    }
}
