import Foundation
import Testing
import TestSupport

/// The daemon's calibration profile and its captures: the profile it reads is in each
/// capture's header, so the capture's replay finds the episodes the live run found.
@Suite struct DaemonCalibrationTests {
    /// Press RMS 40 µV on both channels of the virtual sensor (voluntary above 24 µV): the
    /// clean scenario's strongest twitches become voluntary, the others stay twitches.
    static let profile = """
        {"format":"liptwitch-profile","version":1,"calibrated_from":"test","channels":[\
        {"label":"a","placement":"upper-left","unit":"uV","rest_floor":1.7,"press_rms":40,"press_count":5},\
        {"label":"b","placement":"upper-right","unit":"uV","rest_floor":1.9,"press_rms":40,"press_count":5}]}
        """

    /// The episodes of every journal file in `directory`.
    private func episodes(inJournal directory: String) throws -> [[String: Any]] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted().flatMap { file in
            jsonObjects(try String(contentsOfFile: directory + "/" + file, encoding: .utf8)).of("episode")
        }
    }

    @Test func aCalibratedDaemonsCaptureReplaysToTheEpisodesOfItsJournal() throws {
        let run = try DaemonRun(profile: Self.profile)
        let watch = try run.watch()
        try eventually(within: 90) {
            guard jsonObjects(watch.output).of("episode").count >= 2 else { throw DaemonRun.Missing(what: "episodes") }
        }
        #expect(run.daemon.finish() == 0, "\(run.daemon.errorOutput)")
        #expect(run.daemon.errorOutput.contains("calibration profile: \(run.profilePath)"), "\(run.daemon.errorOutput)")
        watch.finish()
        let journal = try run.journalRecords().of("episode")
        #expect(journal.count >= 2)

        let capture = run.captures + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: run.captures).first))
        let header = try LiptwitchProcess.run(["replay", capture, "--json", "--only", "capture"])
        let first = try #require(jsonObjects(header.outputLines.joined(separator: "\n")).first)
        #expect(first["format"] as? String == "1.3")
        #expect(first["profile"] as? Bool == true && first["calibration"] as? String == "capture", "\(first)")

        // The capture's own profile, by default: the live run's episodes, detector hash and all.
        let replayed = run.directory.path + "/replayed"
        let replay = try LiptwitchProcess.run(["replay", capture, "--journal", replayed])
        #expect(replay.status == 0, "\(replay.standardError)")
        #expect(try episodes(inJournal: replayed).map(detection) == journal.map(detection))

        // Without it: another detector (its settings' hash says so), whatever it finds.
        let bare = run.directory.path + "/bare"
        let without = try LiptwitchProcess.run(["replay", capture, "--journal", bare, "--no-profile"])
        #expect(without.status == 0, "\(without.standardError)")
        let hashes = { (episodes: [[String: Any]]) in
            Set(episodes.compactMap { ($0["detector"] as? [String: Any])?["config_hash"] as? String })
        }
        let bareEpisodes = try episodes(inJournal: bare)
        #expect(hashes(journal).count == 1)
        #expect(bareEpisodes.isEmpty || hashes(bareEpisodes).isDisjoint(with: hashes(journal)))

        // The profile file itself gives what the recorded one gives.
        let fromFile = try LiptwitchProcess.run(["replay", capture, "--json", "--only", "episode", "--profile", run.profilePath])
        let recorded = try LiptwitchProcess.run(["replay", capture, "--json", "--only", "episode"])
        #expect(fromFile.status == 0 && fromFile.standardOutput == recorded.standardOutput)
        #expect(jsonObjects(recorded.outputLines.joined(separator: "\n")).count == journal.count)
    }
}
