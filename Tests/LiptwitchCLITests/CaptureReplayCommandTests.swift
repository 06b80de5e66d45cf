import Foundation
import Testing
import TestSupport

/// `liptwitch capture` and `liptwitch replay` as a user runs them: a virtual sensor in the
/// background, a capture of it, its replay (twice), its replay on a pseudo-terminal into
/// `liptwitch link`, and every way to get them wrong.
@Suite struct CaptureReplayCommandTests {
    static let corpus = String(#filePath).components(separatedBy: "/Tests/")[0] + "/Tests/Fixtures/captures"

    private func objects(_ result: LiptwitchProcess.Result) -> [[String: Any]] {
        result.outputLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    private func classes(_ objects: [[String: Any]]) -> [String] {
        objects.compactMap { $0["class"] as? String }
    }

    @Test func aCaptureOfTheVirtualSensorReplaysTheSameTwice() throws {
        let directory = try TemporaryDirectory()
        let port = directory.path + "/sensor"
        let sensor = try BackgroundLiptwitch(["simulate", "--symlink", port], in: directory, name: "simulate")
        try eventually { _ = try FileManager.default.destinationOfSymbolicLink(atPath: port) }
        let capture = directory.path + "/session.ltcap"
        let made = try LiptwitchProcess.run(
            ["capture", "--device", port, "--out", capture, "--duration", "2", "--description", "a test"])
        sensor.finish()
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.outputLines.last?.hasPrefix("replay it with: liptwitch replay") == true)
        let mode = try FileManager.default.attributesOfItem(atPath: capture)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a capture is health data: readable by its owner only")

        let first = try LiptwitchProcess.run(["replay", capture, "--json"])
        #expect(first.status == 0, "\(first.standardError)")
        let lines = objects(first)
        #expect(lines.count == first.outputLines.count, "every line is JSON")
        #expect(lines.first?["description"] as? String == "a test")
        #expect(lines.first?["sensor"] as? String == "LT-SIM-0001")
        #expect(classes(lines).contains("stream"))
        #expect(lines.last?["complete"] as? Bool == true)
        let linkEvents = lines.filter { $0["class"] as? String == "link" }.compactMap { $0["event"] as? String }
        #expect(linkEvents.prefix(4) == ["opening", "opened", "identified", "streaming"])
        #expect(linkEvents.suffix(2) == ["stopping", "stopped"])
        let second = try LiptwitchProcess.run(["replay", capture, "--json"])
        #expect(second.standardOutput == first.standardOutput, "a replay is the same bit for bit")
    }

    @Test func aReplayOnAPseudoTerminalIsTheSensorForARealLink() throws {
        let directory = try TemporaryDirectory()
        let port = directory.path + "/replayed"
        let player = try BackgroundLiptwitch(
            ["replay", "\(Self.corpus)/clean.ltcap", "--pty", "--symlink", port], in: directory, name: "player")
        try player.waitForOutput(containing: "sensor plugged in")
        let link = try LiptwitchProcess.run(["link", "--device", port, "--duration", "7"])
        player.finish()
        let lines = objects(link)
        let events = lines.filter { $0["class"] as? String == "link" }.compactMap { $0["event"] as? String }
        #expect(events.prefix(4) == ["opening", "opened", "identified", "streaming"])
        let summary = try #require(lines.last { $0["class"] as? String == "summary" })
        let replayed = try LiptwitchProcess.run(["replay", "\(Self.corpus)/clean.ltcap", "--json", "--only", "stream"])
        let samples = objects(replayed).compactMap { $0["samples"] as? Int }.reduce(0, +)
        // The player writes at the recorded times whatever the host does; a host that
        // flushes its input a little later than the live one did may drop a batch there.
        let received = try #require(summary["samples"] as? Int)
        #expect(received <= samples && received >= samples - 32, "the link got the capture's samples")
        #expect(summary["gaps"] as? Int == 0)
    }

    @Test func aReplayOnAPseudoTerminalFeedsARunningDaemonTheEpisodesOfTheCapture() throws {
        let directory = try TemporaryDirectory()
        let port = directory.path + "/replayed"
        let capture = "\(Self.corpus)/lead-off.ltcap"
        let player = try BackgroundLiptwitch(["replay", capture, "--pty", "--symlink", port], in: directory, name: "player")
        try player.waitForOutput(containing: "sensor plugged in")
        let journal = directory.path + "/journal"
        let daemon = try BackgroundLiptwitch(
            DaemonArguments.with(["--device", port, "--socket", directory.path + "/live.sock", "--journal", journal]),
            in: directory, name: "daemon", environment: ["XDG_CONFIG_HOME": directory.path + "/config"],
            keepStandardError: true)
        try player.waitForOutput(containing: "played", seconds: 120)
        // The player ends with the capture; the daemon sees its sensor go.
        try daemon.waitForError(containing: "the sensor is gone", seconds: 30)
        #expect(player.finish() == 0, "\(player.output)")
        #expect(daemon.finish() == 0, "\(daemon.errorOutput)")

        let replayed = directory.path + "/replayed-journal"
        let replay = try LiptwitchProcess.run(["replay", capture, "--journal", replayed])
        #expect(replay.status == 0, "\(replay.standardError)")
        // The same samples reach the detector; times on the host differ, device times do not.
        func episodes(in journal: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: journal).sorted().flatMap { file in
                jsonObjects(try String(contentsOfFile: journal + "/" + file, encoding: .utf8)).of("episode")
            }.map { episode in
                let start = (episode["start_device_us"] as? Int ?? 0) / 10_000
                return "channel \(episode["channel"] ?? "?") at \(start) × 10 ms, \(episode["twitch_count"] ?? "?") twitches"
            }
        }
        let live = try episodes(in: journal)
        #expect(live.count == 2, "the capture's two twitches: \(live)")
        #expect(live == (try episodes(in: replayed)))
    }

    @Test func aPacedReplayPrintsWhatAnUnpacedOnePrintsAndIsNeverAheadOfItsSpeed() throws {
        let capture = "\(Self.corpus)/clean.ltcap"
        let start = ContinuousClock.now
        let paced = try LiptwitchProcess.run(["replay", capture, "--json", "--speed", "10"])
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        #expect(paced.status == 0, "\(paced.standardError)")
        #expect(paced.standardOutput == (try LiptwitchProcess.run(["replay", capture, "--json"])).standardOutput)
        // A lower bound only (a loaded machine is slower, never faster): the capture's
        // last record is at 5 s, due 0.5 s into a replay at 10 × real time.
        let last = try #require(objects(paced).compactMap { $0["t"] as? Double }.max())
        #expect(elapsed >= last / 10, "\(elapsed) s for \(last) s of capture at 10 ×")
    }

    @Test func aCaptureCutInHalfReplaysUpToTheCutThenSaysSo() throws {
        let directory = try TemporaryDirectory()
        let whole = try Data(contentsOf: URL(fileURLWithPath: "\(Self.corpus)/clean.ltcap"))
        let cut = directory.path + "/cut.ltcap"
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cut))
        let result = try LiptwitchProcess.run(["replay", cut, "--json"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("ends early") && result.standardError.contains("was replayed"))
        #expect(!result.standardError.contains("Fatal") && result.standardError.split(separator: "\n").count <= 2)
        let lines = objects(result)
        #expect(classes(lines).first == "capture" && classes(lines).contains("stream"))
        #expect(lines.last?["complete"] as? Bool == false)
    }

    @Test(arguments: [
        (["replay", "/nonexistent.ltcap"], "no such file or directory"),
        (["replay", "#README#"], "not a LipTwitch capture"),
        (["replay", "#cut-header#"], "ends inside its header"),
        (["replay", "x.ltcap", "--speed", "0"], "--speed must be more than 0"),
        (["replay", "x.ltcap", "--journal", "/tmp/j", "--json"], "--journal writes records into a journal"),
        (["replay", "x.ltcap", "--only", "episodes"], "unknown class episodes"),
        (["replay", "x.ltcap", "--symlink", "/tmp/s"], "--symlink names the pseudo-terminal of --pty"),
        (["replay", "x.ltcap", "--pty", "--json"], "--pty plays the capture for another program"),
        (["replay", "x.ltcap", "--pty", "--no-profile"], "--pty plays the capture for another program"),
        (["replay", "x.ltcap", "--profile", "p.json", "--no-profile"], "--profile and --no-profile contradict"),
        (["replay", "-", "--profile", "-"], "cannot both come from standard input"),
        (["replay", "#clean#", "--profile", "/nonexistent.json"], "there is no profile at"),
        (["replay", "#clean#", "--profile", "#README#"], "cannot use the profile"),
        (["capture", "--device", "/dev/null"], "Missing expected argument '--out"),
        (["capture", "--device", "/nonexistent-port", "--out", "#out#", "--duration", "1"], "no sensor at /nonexistent-port"),
        (["capture", "--device", "/dev/ttyS0", "--out", "-"], "--out needs a file name"),
        (["capture", "--device", "/dev/ttyS0", "--out", "x", "--duration", "0"], "--duration must be more than 0"),
    ])
    func badInputGetsOneClearSentence(arguments: [String], message: String) throws {
        let directory = try TemporaryDirectory()
        let readme = "\(Self.corpus)/README.md"
        let cutHeader = directory.path + "/cut-header.ltcap"
        try Data(try Data(contentsOf: URL(fileURLWithPath: "\(Self.corpus)/clean.ltcap")).prefix(20))
            .write(to: URL(fileURLWithPath: cutHeader))
        let out = directory.path + "/never.ltcap"
        let clean = "\(Self.corpus)/clean.ltcap"
        let resolved = arguments.map {
            ["#README#": readme, "#cut-header#": cutHeader, "#out#": out, "#clean#": clean][$0] ?? $0
        }
        let result = try LiptwitchProcess.run(resolved)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error") && !result.standardError.contains("Stack dump"))
        #expect(!FileManager.default.fileExists(atPath: out), "a capture that never opened leaves no file")
    }
}
