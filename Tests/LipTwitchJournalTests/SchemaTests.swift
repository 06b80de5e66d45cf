import Foundation
import LipTwitchJournal
import Testing

/// The records LipTwitch writes are valid by docs/journal.schema.json, checked by a
/// third-party validator (Python's jsonschema, Draft 2020-12; `scripts/bootstrap`
/// installs it), and the schema rejects what readers reject.
@Suite struct SchemaTests {
    static let python = "/usr/bin/python3"
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/journal.schema.json").standardized.path

    static let hasValidator: Bool = {
        (try? run(["-c", "import jsonschema; jsonschema.Draft202012Validator"]).status) == 0
    }()

    /// Validates each line; prints `ok` or the first error per line.
    static let script = """
        import json, sys, jsonschema
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        validator.check_schema(validator.schema)
        for line in sys.stdin:
            errors = list(validator.iter_errors(json.loads(line)))
            print("ok" if not errors else errors[0].message)
        """

    static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    static func validate(_ lines: [String]) throws -> [String] {
        try run(["-c", script, schema], input: lines.joined(separator: "\n") + "\n").output
    }

    private static func time(_ text: String) -> LocalTime { LocalTime(rfc3339: text)! }

    /// One record of every kind, with every field LipTwitch writes, as it writes them.
    static let examples: [JournalRecord] = {
        let start = time("2026-11-21T14:05:01.120+01:00")
        let bodies: [RecordBody] = [
            .header(HeaderRecord(month: JournalMonth(year: 2026, month: 11)!)),
            .episode(EpisodeRecord(
                kind: .twitch, sensor: "LT-0042", channel: 0, placement: "upper-left", start: start,
                end: time("2026-11-21T14:05:02.300+01:00"), startDeviceMicros: 81_234_567, endDeviceMicros: 82_414_567,
                durationSeconds: 1.18, twitchCount: 3, peak: 212.5, rms: 61.25, unit: "uV", dominantFrequencyHz: 87.5,
                confidence: 0.93, truncated: true, offsetSeconds: 12.5, recording: "rest.csv",
                detector: .init(version: "1.0.0", configHash: "fnv1a64:3f9a0c6e2b7d4151"),
                twitches: [.init(onsetSeconds: 0, durationSeconds: 0.31)], clusters: 1,
                largestCluster: .init(twitchCount: 3, onsetSeconds: 0, durationSeconds: 1.18), envelopeStepSeconds: 0.05,
                envelope: [3.5, 12])),
            .note(NoteRecord(text: "third coffee", tags: ["caffeine"], at: start, amount: .init(value: 80, unit: "mg"))),
            .note(NoteRecord(text: "", at: start)),
            .device(DeviceRecord(
                sensor: "LT-0042", event: .connected, path: "/dev/ttyACM0", sensorKind: "emg", sampleRateHz: 2000,
                firmware: "1.2.3", channels: [.init(index: 0, placement: "upper-left", unit: "uV")])),
            .device(DeviceRecord(sensor: "LT-0042", event: .disconnected, reason: "unplugged")),
            .device(DeviceRecord(
                sensor: "LT-0042", event: .status, batteryPercent: 80, leadOff: [1], saturated: [], overruns: 3)),
            .device(DeviceRecord(sensor: "LT-0042", event: .counters, counters: [.init(name: "crc_failures", value: 2)])),
            .gap(GapRecord(
                reason: .linkStall, start: start, end: start.adding(milliseconds: 4000), sensor: "LT-0042", channel: 1,
                startDeviceMicros: 1, endDeviceMicros: 2, lostSamples: 8000, lostRecords: 0)),
            .session(SessionRecord(event: .stop, mode: "daemon", reason: "signal")),
            .retraction(RetractionRecord(retracts: UUID(), reason: "duplicate")),
        ]
        return bodies.map { body in
            JournalRecord(
                id: UUID(), time: time("2026-11-21T14:05:03.250+01:00"),
                source: RecordSource(tool: "liptwitch daemon", version: "0.1.0"), session: UUID(),
                clock: MonotonicStamp(bootID: UUID(), nanoseconds: 3_159_694_022_035), body: body)
        }
    }()

    @Test(.enabled(if: hasValidator, "needs python3-jsonschema (scripts/bootstrap installs it)"))
    func everyRecordAsWrittenIsValid() throws {
        let lines = Self.examples.map(\.jsonLine)
        #expect(Set(Self.examples.map(\.kind)) == Set(RecordKind.allCases))
        #expect(try Self.validate(lines) == Array(repeating: "ok", count: lines.count))
    }

    @Test(.enabled(if: hasValidator, "needs python3-jsonschema (scripts/bootstrap installs it)"))
    func theSchemaRejectsWhatReadersSkip() throws {
        let note = Self.examples[2].jsonLine
        let broken = [
            note.replacingOccurrences(of: #""format":"1.1""#, with: #""format":"2.0""#),
            note.replacingOccurrences(of: #","at":"2026-11-21T14:05:01.120+01:00""#, with: ""),
            note.replacingOccurrences(of: #""time":"2026-11-21T14:05:03.250+01:00""#, with: #""time":"yesterday""#),
            note.replacingOccurrences(of: #""tags":["caffeine"]"#, with: #""tags":["Two Words"]"#),
            Self.examples[1].jsonLine.replacingOccurrences(of: #""confidence":0.93"#, with: #""confidence":1.5"#),
            Self.examples[9].jsonLine.replacingOccurrences(of: #""session":""#, with: #""x":""#),
        ]
        let results = try Self.validate(broken)
        #expect(results.count == broken.count && !results.contains("ok"), "\(results)")
        var decoder = JournalLineDecoder()
        for line in [broken[0], broken[1], broken[2], broken[5]] {
            guard case .skipped = decoder.decode(line) else {
                Issue.record("the reader took what the schema rejects: \(line)")
                continue
            }
        }
        let unknownClass = #"{"class":"mood","format":"1.3","id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01","#
            + #""time":"2026-11-21T14:05:03Z","source":{"tool":"x","version":"1"},"score":4}"#
        #expect(try Self.validate([unknownClass]) == ["ok"], "a newer minor version's type is valid, and skipped")
    }
}
