import Foundation
import LipTwitchRuntime
import LipTwitchSimulator
import Testing
import TestSupport

extension UmockdevTests {
    /// `liptwitch calibrate` without a file finds the one sensor through libudev, as the
    /// daemon does, and calibrates the simulated wearer behind the fake `/dev/ttyACM0`
    /// (about 25 s: 12 s of rest, three presses).
    @Suite("liptwitch calibrate (umockdev)")
    struct CalibrateCommandUdevTests {
        @Test func itFindsTheSensorAndGuidesTheWearer() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            try testbed.add(Fixture.sensor())
            var firmware = SimulatorConfiguration()
            firmware.serialNumber = "LT0001A2B3"
            firmware.scenario = .calibration
            let sensor = try VirtualSensor(configuration: firmware, master: testbed.deviceSide(of: "/dev/ttyACM0"))
            defer { sensor.stop() }
            let directory = try TemporaryDirectory()
            let result = try LiptwitchRun(["calibrate", "--presses", "3", "--out", directory.path + "/profile.json"]).finish()
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.lines.first == "calibrating with the sensor at /dev/ttyACM0 (Ctrl-C ends it early)")
            #expect(result.lines.contains("Press 1 of 3 now."))
            #expect(result.lines.contains("That is enough."))
            #expect(result.errors.contains("wrote \(directory.path)/profile.json; upper-left: rest "))
            #expect(result.errors.contains("(3 found)"))
            let profile = try ProfileFile.read(directory.path + "/profile.json")
            #expect(profile.channels.map(\.pressCount) == [3, 3])
        }

        @Test func withoutASensorItSaysWhatToDo() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            let directory = try TemporaryDirectory()
            let result = try LiptwitchRun(["calibrate", "--no-probe", "--out", directory.path + "/profile.json"]).finish()
            #expect(result.status == 1)
            #expect(result.errors.hasPrefix("Error: no sensor is plugged in; plug it in, or name its port with --device"))
        }

        @Test func aBoardThatDoesNotAnswerIsTriedThenLeftAlone() throws {
            // A CP2102 is on probation: calibrate tries it at every line rate (about 6 s),
            // and says that no LipTwitch sensor answered there.
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            let directory = try TemporaryDirectory()
            let result = try LiptwitchRun(["calibrate", "--out", directory.path + "/profile.json"]).finish()
            #expect(result.status == 1)
            #expect(result.errors.contains("/dev/ttyUSB0 gave no LipTwitch answer at 921600, 500000, 1000000 baud"),
                    "\(result.errors)")
            #expect(!FileManager.default.fileExists(atPath: directory.path + "/profile.json"))
        }
    }
}
