import Foundation
import LipTwitchCapture
import LipTwitchRuntime
import LipTwitchSystem
import Testing
import TestSupport

/// The regression corpus (Tests/Fixtures/captures, README.md there): every capture
/// replays to exactly its golden output; a replay is the same bit for bit every time; a
/// capture cut in half replays up to the cut and says so.
@Suite("Capture corpus")
struct CaptureCorpusTests {
    static let directory = String(#filePath).components(separatedBy: "/Tests/")[0] + "/Tests/Fixtures/captures"

    /// Every capture's name (without `.ltcap`).
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".ltcap") }.map { String($0.dropLast(".ltcap".count)) }.sorted()
    }()

    /// What `liptwitch replay PATH --json` prints (`--only classes`; readable lines unless
    /// `json`; with `profile`), and its failure if any.
    static func replay(
        _ path: String, in temporary: TemporaryDirectory, classes: Set<String> = CaptureReplay.defaultClasses,
        json: Bool = true, profile: ReplayProfile = .recorded
    ) throws -> (lines: [String], failure: String?) {
        let outputPath = temporary.path + "/replay.jsonl"
        var failure: String?
        do {
            let output = try BufferedOutput(path: outputPath)
            defer { try? output.flush() }
            try CaptureReplay(
                path: path, speed: nil, classes: classes, output: .lines(json: json), version: "test", profile: profile
            ).run(printingTo: output)
        } catch {
            failure = "\(error)"
        }
        let text = try String(contentsOfFile: outputPath, encoding: .utf8)
        return (text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), failure)
    }

    @Test("the corpus has at least 20 captures, each with a description of what it exercises")
    func corpus() throws {
        #expect(Self.names.count >= 20)
        for name in Self.names {
            let lines = try String(contentsOfFile: "\(Self.directory)/\(name).ltcap.golden.jsonl", encoding: .utf8)
            let header = try #require(lines.split(separator: "\n").first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any])
            #expect((object["description"] as? String)?.isEmpty == false, "\(name) says what it exercises")
        }
    }

    @Test("every capture replays to exactly its golden output", arguments: names)
    func golden(name: String) throws {
        let temporary = try TemporaryDirectory()
        let (lines, failure) = try Self.replay("\(Self.directory)/\(name).ltcap", in: temporary)
        #expect(failure == nil, "\(name): \(failure ?? "")")
        let goldenPath = "\(Self.directory)/\(name).ltcap.golden.jsonl"
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8).split(separator: "\n").map(String.init)
        guard lines != golden else { return }
        let first = zip(lines, golden).enumerated().first { $1.0 != $1.1 }?.offset ?? min(lines.count, golden.count)
        Issue.record(
            """
            \(name).ltcap no longer replays to its golden output: first difference at line \(first + 1) \
            (\(lines.count) lines now, \(golden.count) in the golden).
              golden: \(first < golden.count ? golden[first] : "(nothing)")
              now:    \(first < lines.count ? lines[first] : "(nothing)")
            If the change is meant (Tests/Fixtures/captures/README.md), regenerate on purpose and review the diff:
              scripts/regenerate-goldens \(name) && git diff \(goldenPath)
            """)
    }

    @Test("the sensor's own reports reach the replay: lead-off and saturation in STATUS, int24 samples, an accelerometer",
          arguments: [
              ("lead-off", "status", #""lead_off":[0]"#), ("saturation", "status", #""saturated":[0]"#),
              ("int24", "stream", #""format":"i24""#), ("accelerometer", "stream", #""kind":"accelerometer""#),
          ])
    func sensorReports(name: String, recordClass: String, expected: String) throws {
        let temporary = try TemporaryDirectory()
        let (lines, failure) = try Self.replay("\(Self.directory)/\(name).ltcap", in: temporary, classes: [recordClass])
        #expect(failure == nil)
        #expect(lines.contains { $0.contains(expected) }, "\(name): no \(recordClass) line with \(expected)")
    }

    @Test("a replay is the same bit for bit, every time")
    func repeatable() throws {
        let temporary = try TemporaryDirectory()
        let path = "\(Self.directory)/mixed-faults.ltcap"
        let first = try Self.replay(path, in: temporary)
        let second = try Self.replay(path, in: temporary)
        #expect(!first.lines.isEmpty)
        #expect(first.lines == second.lines)
    }

    @Test("a capture cut in half replays up to the cut, then says where it was cut")
    func cutInHalf() throws {
        let temporary = try TemporaryDirectory()
        let whole = try Data(contentsOf: URL(fileURLWithPath: "\(Self.directory)/disconnect-replug.ltcap"))
        let cutPath = temporary.path + "/cut.ltcap"
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cutPath))
        let (lines, failure) = try Self.replay(cutPath, in: temporary)
        let message = try #require(failure)
        #expect(message.contains("ends early") && message.contains("was cut inside a record"))
        #expect(lines.last?.contains(#""class":"capture_end","complete":false"#) == true)
        // Up to the records the cut ends (the open stream, the counters), it is the whole capture's replay.
        let golden = try Self.replay("\(Self.directory)/disconnect-replug.ltcap", in: temporary).lines
        let common = lines.prefix { !$0.contains(#""reason":"finished""#) && !$0.contains("capture_end") }
        #expect(common.count > 5)
        #expect(Array(golden.prefix(common.count)) == Array(common))
    }
}

/// `liptwitch replay --journal`: a capture's streams, gaps and episodes in a journal.
@Suite struct ReplayJournalTests {
    @Test func aReplayWritesItsSessionDevicesGapsAndEpisodes() throws {
        let temporary = try TemporaryDirectory()
        let journal = temporary.path + "/journal"
        try CaptureReplay(
            path: "\(CaptureCorpusTests.directory)/disconnect-replug.ltcap", speed: nil, classes: [],
            output: .journal(directory: journal), version: "test"
        ).run(printingTo: BufferedOutput(path: temporary.path + "/nothing"))
        let files = try FileManager.default.contentsOfDirectory(atPath: journal).filter { $0.hasSuffix(".jsonl") }
        let lines = try files.flatMap { try String(contentsOfFile: "\(journal)/\($0)", encoding: .utf8).split(separator: "\n") }
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == lines.count, "every journal line is JSON")
        let records = objects.filter { $0["class"] as? String != "header" }
        let kinds = records.map { "\($0["class"] ?? "")/\($0["event"] ?? $0["reason"] ?? "")" }
        #expect(kinds.first == "session/start" && kinds.last == "session/stop")
        #expect(kinds.filter { $0 == "device/connected" }.count == 2)
        #expect(kinds.contains("gap/disconnected"))
        let episodes = records.filter { $0["class"] as? String == "episode" }
        #expect(!episodes.isEmpty)
        let detector = try #require(episodes.first?["detector"] as? [String: Any])
        #expect(detector["version"] as? String == "liptwitch test")
        #expect((detector["config_hash"] as? String)?.hasPrefix("fnv1a64:") == true)
        #expect(episodes.allSatisfy { ($0["start"] as? String)?.hasPrefix("2026-") == true }, "the capture's own times")
    }
}
