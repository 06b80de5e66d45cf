import Foundation
import Testing
import TestSupport

/// `liptwitch simulate` and `liptwitch link` end to end: two real processes, a real
/// pseudo-terminal between them.
@Suite struct LinkCommandTests {
    private func objects(_ result: LiptwitchProcess.Result) -> [[String: Any]] {
        result.outputLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    private func events(_ objects: [[String: Any]]) -> [String] {
        objects.filter { $0["class"] as? String == "link" }.compactMap { $0["event"] as? String }
    }

    @Test func aLinkStreamsFromTheVirtualSensor() throws {
        let sensor = try SimulatedSensorProcess()
        let result = try LiptwitchProcess.run(["link", "--device", sensor.port, "--duration", "2.5"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = objects(result)
        #expect(lines.count == result.outputLines.count, "every line is JSON when the output is a pipe")
        #expect(events(lines).prefix(4) == ["opening", "opened", "identified", "streaming"])
        #expect(events(lines).suffix(2) == ["stopping", "stopped"])
        let statuses = lines.filter { $0["class"] as? String == "link_status" }
        #expect(statuses.count >= 2)
        #expect(statuses.last?["batches"] as? Int ?? 0 > 100, "a second of 2 kHz in batches of 16 is 125 batches")
        let summary = try #require(lines.last)
        #expect(summary["class"] as? String == "summary")
        #expect(summary["samples"] as? Int ?? 0 > 3000)
        #expect(summary["gaps"] as? Int == 0)
        #expect(summary["stalls"] as? Int == 0)
        #expect(sensor.process.finish() == 0, "SIGTERM ends the simulator cleanly")
        #expect(sensor.process.output.contains("a host started the stream"))
        let truth = try String(contentsOfFile: sensor.directory.path + "/truth.jsonl", encoding: .utf8)
        #expect(truth.hasPrefix("{\"class\":\"simulation\""))
    }

    @Test func aLinkStreamsFromASimulatedCytonWithItsCountersEverySecond() throws {
        let sensor = try SimulatedSensorProcess(["--board", "openbci-cyton", "--lip-channel", "4", "--lost-byte-every", "100"])
        let result = try LiptwitchProcess.run(
            ["link", "--device", sensor.port, "--driver", "openbci-cyton", "--lip-channel", "4", "--duration", "2.5", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = objects(result)
        #expect(events(lines).prefix(4) == ["opening", "opened", "identified", "streaming"])
        #expect(lines.filter { $0["class"] as? String == "link_status" }.count >= 2)
        let summary = try #require(lines.last)
        #expect(summary["samples"] as? Int ?? 0 > 375, "250 Hz for more than 1.5 s: \(summary)")
        #expect(summary["gaps"] as? Int ?? 0 >= 2, "one packet in 100 loses a byte: \(summary)")
        #expect(summary["bytes_discarded"] as? Int ?? 0 >= 64, "the cut packets' bytes are counted: \(summary)")
        #expect(summary["stalls"] as? Int == 0)
        #expect(events(lines).last == "stopped")
        #expect(sensor.process.finish() == 0, "SIGTERM ends the simulator cleanly")
    }

    @Test func aLinkStreamsFromASimulatedBITalinoWithItsCountersEverySecond() throws {
        let sensor = try SimulatedSensorProcess(["--board", "bitalino", "--lip-channel", "2", "--bad-crc-every", "400"])
        let result = try LiptwitchProcess.run(
            ["link", "--device", sensor.port, "--driver", "bitalino", "--lip-channel", "2", "--duration", "2.5", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = objects(result)
        #expect(events(lines).prefix(4) == ["opening", "opened", "identified", "streaming"])
        let statuses = lines.filter { $0["class"] as? String == "link_status" }
        #expect(statuses.count >= 2)
        let summary = try #require(lines.last)
        #expect(summary["samples"] as? Int ?? 0 > 1500, "1000 Hz for more than 1.5 s: \(summary)")
        #expect(summary["gaps"] as? Int ?? 0 >= 2, "one frame in 400 has a bad CRC: \(summary)")
        #expect(summary["stalls"] as? Int == 0)
        #expect(sensor.process.finish() == 0, "SIGTERM ends the simulator cleanly")
        #expect(sensor.process.output.contains("BITalino (r)evolution (BITalino_v5.1)"))
    }

    @Test func anUnpluggedSensorIsFollowedToItsNextPort() throws {
        let sensor = try SimulatedSensorProcess(["--disconnect-after", "1", "--replug-after", "0.5"])
        let result = try LiptwitchProcess.run(["link", "--device", sensor.port, "--duration", "5"])
        #expect(result.status == 0, "\(result.standardError)")
        let events = events(objects(result))
        #expect(events.contains("disconnected"))
        #expect(events.filter { $0 == "streaming" }.count == 2, "\(events)")
        #expect(sensor.process.output.contains("unplugged from \(sensor.port) in the middle of a frame"))
    }

    @Test func aNewerSensorEndsTheLinkWithAdvice() throws {
        let sensor = try SimulatedSensorProcess(["--protocol-major", "2"])
        let result = try LiptwitchProcess.run(["link", "--device", sensor.port, "--duration", "30"])
        #expect(result.status == 1)
        #expect(result.standardError.contains(
            "the sensor speaks protocol 2; this LipTwitch speaks protocol 1: update LipTwitch"), "\(result.standardError)")
        #expect(!result.standardError.contains("Stack dump"))
    }

    @Test func aMissingPortSaysWhatToDo() throws {
        let result = try LiptwitchProcess.run(["link", "--device", "/dev/ttyLipTwitchNone", "--duration", "30"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no sensor at /dev/ttyLipTwitchNone: plug it in, or check the path"))
    }

    @Test func aBusyPortNamesTheProgramHoldingIt() throws {
        let sensor = try SimulatedSensorProcess()
        let first = try BackgroundLiptwitch(
            ["link", "--device", sensor.port, "--duration", "30"], in: sensor.directory, name: "first")
        try first.waitForOutput(containing: "\"event\":\"streaming\"")
        let second = try LiptwitchProcess.run(["link", "--device", sensor.port, "--duration", "30"])
        #expect(second.status == 1)
        #expect(second.standardError.contains("is in use by liptwitch (pid \(first.process.processIdentifier))"),
                "\(second.standardError)")
        #expect(second.standardError.contains("close that program or stop its service, then try again"))
        #expect(first.finish() == 0)
    }

    /// Root passes every permission check, so the command runs as nobody (setpriv); on a
    /// machine where the tests do not run as root, this cannot be arranged and is skipped.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func permissionDeniedSaysHowToGetAccess() throws {
        let sensor = try SimulatedSensorProcess()
        let pty = try FileManager.default.destinationOfSymbolicLink(atPath: sensor.port)
        let result = try LiptwitchProcess.run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", "--", LiptwitchProcess.executable.path,
             "link", "--device", pty, "--duration", "30"],
            program: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot open \(pty): permission denied"), "\(result.standardError)")
        #expect(result.standardError.contains("sudo install -m 0644 udev/70-liptwitch.rules /etc/udev/rules.d/"))
        #expect(result.standardError.contains("sudo usermod -aG dialout $USER"))
    }

    @Test(arguments: [
        (["link"], "Missing expected argument '--device <path>'"),
        (["link", "--device", "/dev/null", "--baud", "12345"], "--baud must be a standard rate"),
        (["link", "--device", "/dev/null", "--rate", "0"], "--rate must be between 1 and 4000 Hz"),
        (["simulate", "--stall-after", "1"], "--stall-after and --stall-for go together"),
        (["simulate", "--dump", "-", "--symlink", "/tmp/x"], "--symlink needs a port to serve: leave out --dump"),
        (["simulate", "--protocol-major", "0"], "--protocol-major starts at 1"),
        (["simulate", "--sample-format", "int32"], "--sample-format is int16 or int24"),
        (["simulate", "--board", "bitalino", "--lip-channel", "7"], "--lip-channel must be between 1 and 6 for --board bitalino"),
        (["simulate", "--board", "bitalino", "--board-off"], "--board-off is not for --board bitalino"),
        (["simulate", "--bad-crc-every", "3"], "--bad-crc-every is for --board openbci-cyton or bitalino"),
        (["link", "--device", "/dev/null", "--driver", "bitalino", "--lip-channel", "7"],
         "--lip-channel must be between 1 and 6 (the BITalino's A1 to A6)"),
    ])
    func badArgumentsGetAClearMessage(arguments: [String], message: String) throws {
        let result = try LiptwitchProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
