import LipTwitchDetector
import LipTwitchLink
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem
import Testing
import TestSupport

/// `liptwitch calibrate` with a sensor: a simulated wearer following the protocol on a
/// real pseudo-terminal, in real time (about 30 s: 12 s of rest, five presses 3 s apart).
@Suite struct LiveCalibrationTests {
    @Test func aWearerIsCalibratedLiveAndTheCaptureGivesTheSameProfile() throws {
        var configuration = SimulatorConfiguration()
        configuration.scenario = .calibration
        configuration.seed = 5
        let sensor = try VirtualSensor(configuration: configuration)
        defer { sensor.stop() }
        let temporary = try TemporaryDirectory()
        let capture = temporary.path + "/calibration.ltcap"
        let profile = try LiveCalibration(
            devicePath: try #require(sensor.devicePath), restSeconds: 10, presses: 5, timeLimit: 120,
            capturePath: capture, link: LinkConfiguration(lineRates: [SerialPort.protocolBaudRate]), tool: "test",
            clock: PinnedClock.at()
        ).run()
        CaptureCalibrationTests.expectTheWearersProfile(profile)
        #expect(try CaptureCalibration(path: capture, restSeconds: 10).run() == profile)
    }

    @Test func aPortThatIsNotThereIsOneSentence() throws {
        let temporary = try TemporaryDirectory()
        #expect {
            try LiveCalibration(
                devicePath: temporary.path + "/missing", restSeconds: 10, presses: 5, timeLimit: 60, capturePath: nil,
                link: LinkConfiguration(lineRates: [SerialPort.protocolBaudRate]), tool: "test",
            clock: PinnedClock.at()
            ).run()
        } throws: { error in
            "\(error)".contains("no sensor at")
        }
    }
}
