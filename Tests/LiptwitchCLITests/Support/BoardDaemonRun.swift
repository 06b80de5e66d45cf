import Foundation
import Testing
import TestSupport

/// The end-to-end check every board of another family passes (`DaemonCytonTests`,
/// `DaemonBITalinoTests`): the simulated board (`liptwitch simulate` with `board`) on a
/// pseudo-terminal, the daemon with `driver` streaming it into the journal and `watch`
/// until an episode; the board's process killed (a dongle pulled, a Bluetooth link
/// dropped) and another plugged in at the same path, connected again with a new episode;
/// the daemon stopped cleanly, telling the board to stop; the journal's first connection
/// at `rateHz`; and the capture replayed to the same episodes.
func checkBoardStreamsRidesOutAnUnplugAndReplays(board: [String], driver: [String], rateHz: Int) throws {
    let run = try DaemonRun(sensorArguments: board + ["--scenario", "clusters"], daemonArguments: driver)
    let watch = try run.watch()
    try watch.waitForOutput(containing: #""class":"episode""#, seconds: 90)

    #expect(run.sensor.finish(with: SIGKILL) != 0)
    let port = run.directory.path + "/sensor"
    let second = try BackgroundLiptwitch(
        ["simulate"] + board + ["--scenario", "clusters", "--seed", "8", "--symlink", port],
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
    #expect(connected["sample_rate_hz"] as? Int == rateHz, "\(connected)")
    let episodes = records.of("episode")
    #expect(episodes.count > episodesBefore)

    // The capture records the driver: its replay speaks the board's wire and finds the same episodes.
    let capture = try #require(try FileManager.default.contentsOfDirectory(atPath: run.captures).first)
    let replayed = run.directory.path + "/replayed"
    let replay = try LiptwitchProcess.run(["replay", run.captures + "/" + capture, "--journal", replayed])
    #expect(replay.status == 0, "\(replay.standardError)")
    let again = try FileManager.default.contentsOfDirectory(atPath: replayed).sorted().flatMap { file in
        jsonObjects(try String(contentsOfFile: replayed + "/" + file, encoding: .utf8)).of("episode")
    }
    #expect(again.map(detection) == episodes.map(detection))
}
