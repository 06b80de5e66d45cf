import Foundation
import Testing
import TestSupport

/// `liptwitch daemon --driver openbci-cyton` end to end: the simulated Cyton behind its
/// dongle on a pseudo-terminal, the daemon as a real process, its journal, `watch`, and a
/// replay of its capture.
@Suite struct DaemonCytonTests {
    static let board = ["--board", "openbci-cyton", "--lip-channel", "2"]

    @Test func aCytonStreamsIntoTheJournalRidesOutItsDonglePulledAndReplaysTheSame() throws {
        let run = try DaemonRun(
            sensorArguments: Self.board + ["--scenario", "clusters"],
            daemonArguments: ["--driver", "openbci-cyton", "--lip-channel", "2"])
        let watch = try run.watch()
        try watch.waitForOutput(containing: #""class":"episode""#, seconds: 90)

        // The dongle is pulled out (the board's process dies) and another is plugged in.
        #expect(run.sensor.finish(with: SIGKILL) != 0)
        let port = run.directory.path + "/sensor"
        let second = try BackgroundLiptwitch(
            ["simulate"] + Self.board + ["--scenario", "clusters", "--seed", "8", "--symlink", port],
            in: run.directory, name: "simulate-again")
        try eventually(within: 60) {
            let connected = try run.journalRecords().of("device").filter { $0["event"] as? String == "connected" }
            guard connected.count >= 2 else { throw DaemonRun.Missing(what: "the board connected again") }
        }
        let episodesBefore = try run.journalRecords().of("episode").count
        try eventually(within: 90) {
            guard try run.journalRecords().of("episode").count > episodesBefore else {
                throw DaemonRun.Missing(what: "an episode from the board plugged in again")
            }
        }
        #expect(run.daemon.finish() == 0, "SIGTERM stops the daemon cleanly: \(run.daemon.errorOutput)")
        #expect(run.daemon.errorOutput.contains("the board was told to stop"))
        second.finish()

        let records = try run.journalRecords()
        let devices = records.of("device").compactMap { $0["event"] as? String }
        #expect(devices.filter { $0 == "connected" }.count >= 2 && devices.contains("disconnected"), "\(devices)")
        let connected = try #require(records.of("device").first { $0["event"] as? String == "connected" })
        #expect(connected["sample_rate_hz"] as? Int == 250, "\(connected)")
        let episodes = records.of("episode")
        #expect(episodes.count > episodesBefore)

        // The capture records the driver: its replay speaks Cyton and finds the same episodes.
        let capture = try #require(try FileManager.default.contentsOfDirectory(atPath: run.captures).first)
        let replayed = run.directory.path + "/replayed"
        let replay = try LiptwitchProcess.run(["replay", run.captures + "/" + capture, "--journal", replayed])
        #expect(replay.status == 0, "\(replay.standardError)")
        let again = try FileManager.default.contentsOfDirectory(atPath: replayed).sorted().flatMap { file in
            jsonObjects(try String(contentsOfFile: replayed + "/" + file, encoding: .utf8)).of("episode")
        }
        #expect(again.map(detection) == episodes.map(detection))
    }
}
