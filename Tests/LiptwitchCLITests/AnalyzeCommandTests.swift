import Foundation
import TestSupport
import Testing

/// `liptwitch generate`, `analyze` and `calibrate` end to end: the real executable, real
/// files, and EDF files written by a third-party library (pyedflib).
@Suite struct AnalyzeCommandTests {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func json(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Runs liptwitch and requires success.
    @discardableResult
    private func liptwitch(_ arguments: [String], environment: [String: String] = [:]) throws -> LiptwitchProcess.Result {
        let result = try LiptwitchProcess.run(arguments, environment: environment)
        #expect(result.status == 0, "liptwitch \(arguments.joined(separator: " ")): \(result.standardError)")
        return result
    }

    private func generate(_ scenario: String, seconds: Int, seed: Int = 5, in directory: TemporaryDirectory) throws -> String {
        let path = directory.path + "/\(scenario).csv"
        try liptwitch(["generate", "--scenario", scenario, "--duration", "\(seconds)", "--seed", "\(seed)", "--out", path])
        return path
    }

    @Test func generateWritesTheRecordingAndItsTruth() throws {
        let directory = try TemporaryDirectory()
        let path = try generate("clean", seconds: 30, in: directory)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "time_s,emg_uv")
        #expect(lines.count == 1 + 60_000)
        #expect(lines[3].hasPrefix("0.001000,"))
        let truth = try json(try String(contentsOfFile: directory.path + "/clean.truth.json", encoding: .utf8))
        #expect(truth["format"] as? String == "liptwitch-truth")
        #expect(truth["sample_count"] as? Int == 60_000)
        let events = try #require(truth["events"] as? [[String: Any]])
        #expect(events.count >= 2 && events.allSatisfy { $0["kind"] as? String == "twitch" })
        let other = try TemporaryDirectory()
        let again = try generate("clean", seconds: 30, in: other)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aVariedRecordingsTruthNamesItsVariationAndMains() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/hum.csv"
        try liptwitch(["generate", "--scenario", "hum-60", "--duration", "10", "--vary", "held-out", "--out", path])
        let truth = try json(try String(contentsOfFile: directory.path + "/hum.truth.json", encoding: .utf8))
        #expect(truth["variation"] as? String == "held-out")
        let mains = try #require(truth["mains_hz"] as? Double)
        #expect((59.8...60.2).contains(mains) && abs(mains - 60) >= 0.1)
        _ = try generate("hum-60", seconds: 10, in: directory)
        let fixed = try json(try String(contentsOfFile: directory.path + "/hum-60.truth.json", encoding: .utf8))
        #expect(fixed["variation"] == nil && fixed["mains_hz"] == nil, "an unvaried truth file is as it was")
    }

    @Test func analyzeFindsTheTwitchesOfAGeneratedRecording() throws {
        let directory = try TemporaryDirectory()
        let path = try generate("clusters", seconds: 90, in: directory)
        let result = try liptwitch(["analyze", "--no-profile", path])
        let lines = try result.outputLines.map(json)
        #expect(lines.first?["class"] as? String == "recording")
        let summary = try #require(lines.last)
        #expect(summary["class"] as? String == "summary")
        #expect(summary["samples"] as? Int == 180_000)
        let episodes = lines.filter { $0["class"] as? String == "episode" }
        let onsets = episodes.flatMap { ($0["twitches"] as? [[String: Any]] ?? []).compactMap { $0["offset_s"] as? Double } }
        let truth = try json(try String(contentsOfFile: directory.path + "/clusters.truth.json", encoding: .utf8))
        let trueOnsets = (truth["events"] as? [[String: Any]] ?? []).compactMap { $0["onset_s"] as? Double }
        let found = trueOnsets.filter { onset in onsets.contains { abs($0 - onset) <= 0.1 } }
        #expect(Double(found.count) >= 0.8 * Double(trueOnsets.count), "\(found.count) of \(trueOnsets.count)")
        #expect(onsets.count <= trueOnsets.count + 2)
        for episode in episodes {
            let offset = try #require(episode["offset_s"] as? Double)
            let sample = try #require(episode["start_sample"] as? Int)
            #expect(abs(offset - Double(sample) / 2000) < 0.001)
            #expect((episode["twitches"] as? [Any])?.count == episode["twitch_count"] as? Int)
        }
        #expect(result.standardError.contains("twitches in"))
        #expect(result.standardError.contains("no calibration profile"))
    }

    /// The same signal as CSV and as EDF+ written by pyedflib gives the same episodes.
    @Test func anEDFFileGivesTheEpisodesOfItsCSV() throws {
        let directory = try TemporaryDirectory()
        let csv = try generate("mixed", seconds: 120, seed: 8, in: directory)
        let edf = directory.path + "/mixed.edf"
        let python = Self.repositoryRoot.appendingPathComponent(".build-venv/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the tests' Python environment is missing: run scripts/python-env, then the tests again")
        let conversion = try LiptwitchProcess.run(
            [Self.repositoryRoot.appendingPathComponent("Tests/Fixtures/csv_to_edf.py").path, csv, edf], program: python)
        try #require(conversion.status == 0, "csv_to_edf.py: \(conversion.standardError)")
        func episodes(_ path: String) throws -> [[String: Any]] {
            try liptwitch(["analyze", "--no-profile", path]).outputLines.map(json).filter { $0["class"] as? String == "episode" }
        }
        let fromCSV = try episodes(csv)
        let fromEDF = try episodes(edf)
        #expect(fromCSV.count >= 3)
        #expect(fromEDF.count == fromCSV.count)
        for (a, b) in zip(fromCSV, fromEDF) {
            #expect(a["kind"] as? String == b["kind"] as? String)
            #expect(a["twitch_count"] as? Int == b["twitch_count"] as? Int)
            #expect(abs((a["offset_s"] as? Double ?? 0) - (b["offset_s"] as? Double ?? 1)) <= 0.002)
            let peakA = a["peak"] as? Double ?? 0, peakB = b["peak"] as? Double ?? 1
            #expect(abs(peakA - peakB) <= 0.01 * peakA)
        }
    }

    @Test func calibrateWritesAProfileThatAnalyzeUses() throws {
        let directory = try TemporaryDirectory()
        let calibration = try generate("calibration", seconds: 40, in: directory)
        let environment = ["XDG_CONFIG_HOME": directory.path + "/config"]
        let calibrated = try liptwitch(["calibrate", calibration], environment: environment)
        let profilePath = directory.path + "/config/liptwitch/profile.json"
        #expect(calibrated.standardError.contains("wrote \(profilePath)"))
        #expect(calibrated.standardError.contains("(5 found)"))
        let attributes = try FileManager.default.attributesOfItem(atPath: profilePath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let profile = try json(try String(contentsOfFile: profilePath, encoding: .utf8))
        #expect(profile["format"] as? String == "liptwitch-profile")
        let recording = try generate("clean", seconds: 20, in: directory)
        let analysed = try liptwitch(["analyze", recording], environment: environment)
        let first = try json(try #require(analysed.outputLines.first))
        #expect(first["profile"] as? String == profilePath)
        #expect(analysed.standardError.contains("calibration: \(profilePath)"))
        let explicit = try liptwitch(["analyze", "--profile", profilePath, recording])
        #expect(explicit.outputLines.dropFirst() == analysed.outputLines.dropFirst())
    }

    /// A capture of a calibration session (here the simulator's, made in virtual time)
    /// calibrates through the same pipeline as the sensor live.
    @Test func calibrateTakesACapture() throws {
        let directory = try TemporaryDirectory()
        let capture = directory.path + "/calibration.ltcap"
        _ = try liptwitch(["simulate", "--scenario", "calibration", "--capture", capture, "--duration", "40"])
        let calibrated = try liptwitch(["calibrate", capture, "--out", directory.path + "/p.json"])
        #expect(calibrated.standardError.contains("upper-left: rest "))
        #expect(calibrated.standardError.contains("upper-right: rest "))
        #expect(calibrated.standardError.contains("(5 found)"))
        let profile = try json(try String(contentsOfFile: directory.path + "/p.json", encoding: .utf8))
        #expect(profile["calibrated_from"] as? String == capture)
    }

    @Test func aFileWithoutPressesCannotCalibrate() throws {
        let directory = try TemporaryDirectory()
        let recording = try generate("clean", seconds: 20, in: directory)
        let result = try LiptwitchProcess.run(["calibrate", recording, "--out", directory.path + "/p.json"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("deliberate press"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/p.json"))
    }

    @Test func brokenInputGetsOneClearSentence() throws {
        let directory = try TemporaryDirectory()
        let broken = directory.path + "/broken.csv"
        try "time_s,emg_uv\n0,1\n0.0005,x\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let badProfile = directory.path + "/profile.json"
        try "{\"format\":\"something else\"}".write(toFile: badProfile, atomically: true, encoding: .utf8)
        let lowRate = directory.path + "/slow.csv"
        try "time_s,emg_uv\n0,1\n0.01,2\n0.02,3\n".write(toFile: lowRate, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["analyze", "--no-profile", broken], "line 3, column 'emg_uv': 'x' is not a number"),
            (["analyze", "--no-profile", directory.path + "/missing.csv"], "no such file or directory"),
            (["analyze", "--profile", badProfile, broken], "is not a LipTwitch profile"),
            (["analyze", "--no-profile", lowRate], "EMG needs at least 200 samples a second"),
            (["analyze", "--profile", badProfile, "--no-profile", broken], "contradict each other"),
            (["calibrate", broken, "--rest", "1"], "--rest must be between 3 and 600 seconds"),
            (["generate", "--scenario", "karaoke", "--out", broken], "unknown scenario 'karaoke'"),
        ]
        for (arguments, message) in cases {
            let result = try LiptwitchProcess.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("Fatal") && !result.standardError.contains("Stack dump"))
        }
    }
}
