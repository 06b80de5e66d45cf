import Foundation
import Testing

/// `liptwitch devices` on whatever machine runs the tests: only what holds everywhere.
/// The exact findings are tested against fake devices in LipTwitchUdevTests.
@Suite struct DevicesCommandTests {
    private func objects(_ result: LiptwitchProcess.Result) throws -> [[String: Any]] {
        try result.outputLines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func jsonListsEveryTtyWithAReasonAndEndsWithASummary() throws {
        let result = try LiptwitchProcess.run(["devices", "--all", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let objects = try objects(result)
        let summary = try #require(objects.last)
        #expect(summary["class"] as? String == "summary")
        let devices = objects.dropLast()
        #expect(devices.allSatisfy { $0["class"] as? String == "device" && $0["reason"] is String })
        #expect(summary["shown"] as? Int == devices.count)
        // Every Linux machine has the terminal multiplexer /dev/tty.
        let tty = try #require(devices.first { $0["path"] as? String == "/dev/tty" })
        #expect(tty["taken"] as? Bool == false && tty["reason_code"] as? String == "virtual_terminal")
    }

    @Test func aNamedDeviceThatIsNotThereIsListedAsMissing() throws {
        let result = try LiptwitchProcess.run(["devices", "--json", "--device", "/dev/liptwitch-test-absent"])
        #expect(result.status == 0)
        let named = try #require(try objects(result).first { $0["path"] as? String == "/dev/liptwitch-test-absent" })
        #expect(named["taken"] as? Bool == false && named["reason_code"] as? String == "missing")
    }

    @Test func aNamedDeviceIsTakenWhateverItIs() throws {
        let result = try LiptwitchProcess.run(["devices", "--device", "/dev/null"])
        #expect(result.status == 0)
        #expect(result.outputLines.first { $0.hasPrefix("/dev/null") }?.contains("taken: named with --device") == true)
        #expect(result.standardError.contains("sensor: /dev/null") || result.standardError.contains("sensors:"))
    }

    @Test(arguments: [
        (["devices", "--usb-id", "12:34"], "--usb-id 12:34 is not a USB id"),
        (["devices", "--usb-id", "vendor"], "like 1209:4c54"),
        (["devices", "--device", ""], "--device needs a path"),
    ])
    func badArgumentsGetAClearMessage(arguments: [String], message: String) throws {
        let result = try LiptwitchProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func helpTeachesWithExamples() throws {
        let result = try LiptwitchProcess.run(["devices", "--help"])
        let help = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(help.contains("liptwitch devices --watch") && help.contains("--usb-id <vvvv:pppp>"))
    }
}
