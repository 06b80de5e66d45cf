import Foundation
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem
import Testing
import TestSupport

/// A capture recorded across midnight on New Year's Eve, replayed into a journal: every
/// record goes to the month of its own time, taken from the capture, so the replay files
/// it where the live daemon did, whatever day the replay runs.
@Suite struct ReplayAcrossTheNewYearTests {
    /// The simulator's lively scenario, started 8 s before midnight in Berlin.
    static func capture(in temporary: TemporaryDirectory) throws -> String {
        let path = temporary.path + "/new-year.ltcap"
        let output = try BufferedOutput(path: path)
        try SimulatedCapture(
            configuration: SimulatorConfiguration(), durationSeconds: 20, description: "new year", tool: "test",
            startWall: LocalTime(rfc3339: "2026-12-31T23:59:52+01:00")!
        ).write(to: output)
        try output.flush()
        return path
    }

    /// Each month file's lines, with what differs between two replays (ids, the monotonic
    /// stamp) left out.
    static func replay(_ capture: String, into journal: String) throws -> [String: [[String: String]]] {
        try CaptureReplay(path: capture, speed: nil, classes: [], output: .journal(directory: journal), version: "test")
            .run(printingTo: BufferedOutput(path: journal + ".out"))
        var files: [String: [[String: String]]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: journal) where name.hasSuffix(".jsonl") {
            let lines = try String(contentsOfFile: "\(journal)/\(name)", encoding: .utf8).split(separator: "\n")
            files[name] = try lines.map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return try object.filter { !["id", "session", "boot_id", "mono_ns"].contains($0.key) }.mapValues { value in
                    guard JSONSerialization.isValidJSONObject(value) else { return "\(value)" }
                    return String(decoding: try JSONSerialization.data(withJSONObject: value, options: .sortedKeys), as: UTF8.self)
                }
            }
        }
        return files
    }

    @Test func everyRecordIsInTheMonthOfItsTimeAndTwoReplaysAgree() throws {
        let temporary = try TemporaryDirectory()
        let capture = try Self.capture(in: temporary)
        let first = try Self.replay(capture, into: temporary.path + "/first")
        #expect(Set(first.keys) == ["2026-12.jsonl", "2027-01.jsonl"])
        for (file, records) in first {
            #expect(records.first?["class"] == "header" && records.first?["month"] == String(file.prefix(7)))
            for record in records {
                #expect(record["time"]?.hasPrefix(String(file.prefix(7))) == true, "\(file): \(record)")
            }
        }
        let start = try #require(first["2026-12.jsonl"]?.first { $0["class"] == "session" && $0["event"] == "start" })
        #expect(start["time"] == "2026-12-31T23:59:52.000+01:00", "the session starts when the capture did")
        #expect(first["2027-01.jsonl"]?.contains { $0["class"] == "session" && $0["event"] == "stop" } == true)

        // An episode that starts in the old year and is written in the new has one home.
        let episodes = first.flatMap { file, records in records.filter { $0["class"] == "episode" }.map { (file, $0) } }
        #expect(!episodes.isEmpty)
        #expect(episodes.contains { file, episode in file == "2027-01.jsonl" && episode["start"]?.hasPrefix("2026-12-31") == true })

        #expect(try Self.replay(capture, into: temporary.path + "/second") == first, "the same capture, the same journal")
    }
}
