import Foundation
import Testing
import TestSupport

/// One detector for the live run, its replay and `liptwitch analyze`: the samples a
/// replay's detector was given (`replay --samples`), analysed as a CSV recording, give the
/// episodes the replay gave, measure for measure, at the same offsets from the stream's
/// start; and a live daemon's journal holds those same episodes.
@Suite struct OneDetectorTests {
    static let corpus = String(#filePath).components(separatedBy: "/Tests/")[0] + "/Tests/Fixtures/captures"
    static let captures: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return files.filter { $0.hasSuffix(".ltcap") }.map { String($0.dropLast(".ltcap".count)) }.sorted()
    }()
    /// Captures whose sensor flags samples (lead-off) inside an episode. A CSV carries no
    /// flags, so those samples are NaN there: `analyze` sees them as missing rather than as
    /// an electrode off the skin, and the episode's measures (RMS, frequency) may differ a
    /// little; the episodes, their twitches and their times do not.
    static let flaggedInsideAnEpisode: Set<String> = ["lead-off"]

    /// An episode as every path reports it: its kind, offset from the stream's first
    /// sample (to 0.1 ms), twitches and measures.
    struct Finding: Equatable, CustomStringConvertible {
        let kind: String
        let offset: Double
        let twitchCount: Int
        /// Runs of twitches a few seconds apart (nil for a tremor).
        let clusters: Int?
        let truncated: Bool
        let measures: [Double]

        /// A journal record or a replay line: its offset from its device time and the
        /// stream's start (`streamDeviceMicros`).
        init(live episode: [String: Any], streamDeviceMicros: Int) throws {
            let start = try #require(episode["start_device_us"] as? Int)
            try self.init(episode, offset: Double(start - streamDeviceMicros) / 1_000_000)
        }

        /// An `analyze` line: its `offset_s`.
        init(analyzed episode: [String: Any]) throws {
            try self.init(episode, offset: try #require(episode["offset_s"] as? Double))
        }

        private init(_ episode: [String: Any], offset: Double) throws {
            kind = try #require(episode["kind"] as? String)
            self.offset = (offset * 10_000).rounded() / 10_000
            twitchCount = try #require(episode["twitch_count"] as? Int)
            clusters = episode["clusters"] as? Int
            truncated = try #require(episode["truncated"] as? Bool)
            // A journal record's envelope is its values; a line's, an object that holds them.
            let envelope = try #require(
                episode["envelope"] as? [Double] ?? (episode["envelope"] as? [String: Any])?["values"] as? [Double])
            // The journal keeps the confidence to 3 decimals, the lines to 2.
            let confidence = (try #require(episode["confidence"] as? Double) * 100).rounded() / 100
            measures = try ["peak", "rms", "dominant_hz"].map { try #require(episode[$0] as? Double) } + [confidence]
                + envelope
        }

        /// Without the measures a flag can change.
        var timing: [AnyHashable] { [kind, offset, twitchCount, clusters, truncated] }

        var description: String { "\(kind) at \(offset) s, \(twitchCount) twitches, measures \(measures.prefix(4))" }
    }

    /// What `analyze` finds in each stream's CSV that `replay --samples` wrote, and what the
    /// replay found in the same streams.
    static func replayAndAnalyze(_ capture: String, in directory: TemporaryDirectory) throws
        -> [(replayed: [Finding], analyzed: [Finding])]
    {
        let samples = directory.path + "/samples.csv"
        let replay = try LiptwitchProcess.run(
            ["replay", capture, "--json", "--only", "stream,episode", "--no-profile", "--samples", samples])
        #expect(replay.status == 0 || replay.standardError.contains("cut"), "\(replay.standardError)")
        var streams: [(deviceMicros: Int, episodes: [[String: Any]])] = []
        for line in jsonObjects(String(decoding: replay.standardOutput, as: UTF8.self)) {
            if line["class"] as? String == "stream", line["event"] as? String == "started" {
                streams.append((try #require(line["device_us"] as? Int), []))
            } else if line["class"] as? String == "episode" {
                try #require(!streams.isEmpty, "an episode comes after its stream's start")
                streams[streams.count - 1].episodes.append(line)
            }
        }
        return try streams.enumerated().map { number, stream in
            let file = number == 0 ? samples : directory.path + "/samples-\(number + 1).csv"
            let analysis = try LiptwitchProcess.run(["analyze", file, "--no-profile"])
            #expect(analysis.status == 0, "\(file): \(analysis.standardError)")
            let analyzed = try jsonObjects(String(decoding: analysis.standardOutput, as: UTF8.self)).of("episode")
                .map(Finding.init(analyzed:))
            let replayed = try stream.episodes.map { try Finding(live: $0, streamDeviceMicros: stream.deviceMicros) }
            return (replayed, analyzed)
        }
    }

    @Test(arguments: captures)
    func aReplaysSamplesAnalysedGiveItsEpisodes(capture: String) throws {
        let directory = try TemporaryDirectory()
        let streams = try Self.replayAndAnalyze("\(Self.corpus)/\(capture).ltcap", in: directory)
        for (replayed, analyzed) in streams {
            if Self.flaggedInsideAnEpisode.contains(capture) {
                #expect(replayed.map(\.timing) == analyzed.map(\.timing))
            } else {
                #expect(replayed == analyzed)
            }
        }
    }

    @Test func theLiveDaemonsEpisodesAreWhatAnalyzeFindsInItsSamples() throws {
        let run = try DaemonRun(seed: 3, sensorArguments: ["--scenario", "clusters"])
        try eventually(within: 120) {
            guard try run.journalRecords().of("episode").count >= 2 else { throw DaemonRun.Missing(what: "2 episodes") }
        }
        #expect(run.daemon.finish() == 0, "\(run.daemon.errorOutput)")
        let capture = try #require(try FileManager.default.contentsOfDirectory(atPath: run.captures).first)
        let streams = try Self.replayAndAnalyze(run.captures + "/" + capture, in: run.directory)
        let stream = try #require(streams.first)
        #expect(streams.count == 1)
        let replay = try LiptwitchProcess.run(["replay", run.captures + "/" + capture, "--json", "--only", "stream"])
        let deviceMicros = try #require(
            jsonObjects(String(decoding: replay.standardOutput, as: UTF8.self)).first?["device_us"] as? Int)
        let live = try run.journalRecords().of("episode").map { try Finding(live: $0, streamDeviceMicros: deviceMicros) }
        #expect(live.count >= 2)
        #expect(live == stream.replayed, "the replay's are the live run's")
        #expect(live == stream.analyzed, "analyze finds the live run's in the samples the detector was given")
    }
}
