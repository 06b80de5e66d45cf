import Foundation
import LipTwitchRecordings
import LipTwitchRuntime
import LipTwitchSystem
import Testing

/// `RecordingReader` over real files in a temporary directory.
@Suite("Reading recording files")
struct RecordingReaderTests {
    static func write(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url)
    }

    /// Reads `path`, collecting events and progress; the error, if any, after them.
    static func read(_ path: String, rate: Double? = nil) -> (
        events: [RecordingEvent], progress: [RecordingProgress], summary: RecordingReadSummary?, error: (any Error)?
    ) {
        var events: [RecordingEvent] = []
        var progress: [RecordingProgress] = []
        do {
            let summary = try RecordingReader(path: path, sampleRateHz: rate).read(
                events: { events.append($0) }, progress: { progress.append($0) })
            return (events, progress, summary, nil)
        } catch {
            return (events, progress, nil, error)
        }
    }

    @Test func readsACSVFileWithProgressUpToItsSize() throws {
        try EDFFixtures.inTemporaryDirectory { directory in
            let text = CSVChunkingTests.text
            let url = directory.appendingPathComponent("night.csv")
            try Self.write(text.bytes, to: url)
            let result = Self.read(url.path)
            #expect(result.error == nil)
            #expect(result.summary == RecordingReadSummary(kind: .csv, bytesRead: text.utf8.count, skippedSignals: []))
            let expected = Chunking.whole.decode(text.bytes, with: CSVRecordingDecoder())
            #expect(DecodeResult(events: result.events).comparableEvents == expected.comparableEvents)
            #expect(result.progress.last == RecordingProgress(bytesRead: text.utf8.count, totalBytes: text.utf8.count))
            #expect(result.progress.last?.fraction == 1)
            #expect(zip(result.progress, result.progress.dropFirst()).allSatisfy { $0.bytesRead < $1.bytesRead })
        }
    }

    @Test func readsAnEDFFileAndListsItsSkippedSignals() throws {
        let fixture = try EDFFixtures.load()["with_temperature"]
        try EDFFixtures.inTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("night.EDF")
            try Self.write(fixture.edf, to: url)
            let result = Self.read(url.path)
            #expect(result.error == nil)
            #expect(result.summary?.kind == .edf)
            #expect(result.summary?.skippedSignals.map(\.label) == ["Temp"])
            #expect(result.events == Chunking.whole.decode(fixture.edf, with: EDFRecordingDecoder()).events)
        }
    }

    @Test func theKindComesFromTheContentWhenTheNameDoesNotSay() throws {
        let fixture = try EDFFixtures.load()["plain_mv_ms2"]
        try EDFFixtures.inTemporaryDirectory { directory in
            let edf = directory.appendingPathComponent("recording")
            try Self.write(fixture.edf, to: edf)
            #expect(Self.read(edf.path).summary?.kind == .edf)
            let csv = directory.appendingPathComponent("recording.dat")
            try Self.write(fixture.csv, to: csv)
            #expect(Self.read(csv.path).summary?.kind == .csv)
        }
    }

    @Test func aRateOverrideReachesTheCSVDecoder() throws {
        try EDFFixtures.inTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("rows.csv")
            try Self.write("emg_uv\n1\n2\n".bytes, to: url)
            let result = Self.read(url.path, rate: 500)
            #expect(result.events.first == .format(RecordingFormat(
                sampleRateHz: 500, channels: [RecordingChannel(label: "emg", quantity: .emgMicrovolts)])))
        }
    }

    @Test func brokenContentIsNamedWithTheFileAfterTheEventsBeforeIt() throws {
        try EDFFixtures.inTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("bad.csv")
            let rows = (0..<1100).map { "\(Double($0) / 100),\($0)\n" }.joined()
            try Self.write("t,emg_uv\n\(rows)11,oops\n".bytes, to: url)
            let result = Self.read(url.path)
            #expect(result.events.count == 2)  // the format and the first full block
            #expect("\(result.error!)" == "cannot read '\(url.path)': line 1102, column 'emg_uv': 'oops' is not a number; write a decimal number such as -12.5 or 3e-2, or NaN for a missing value")
        }
    }

    @Test func missingUnreadableAndUnknownFilesSayWhatToDo() throws {
        try EDFFixtures.inTemporaryDirectory { directory in
            let missing = directory.appendingPathComponent("missing.csv").path
            #expect("\(Self.read(missing).error!)"
                == "cannot open '\(missing)': no such file or directory. Check the path, or use - to read standard input")
            #expect("\(Self.read(directory.path).error!)"
                == "cannot read '\(directory.path)': it is a directory. Give the path of a file")
            let unknown = directory.appendingPathComponent("blob.bin")
            try Self.write([0x00, 0xFF, 0x13, 0x37], to: unknown)
            #expect("\(Self.read(unknown.path).error!)"
                == "cannot tell what kind of recording '\(unknown.path)' is: give a .csv or .edf file")
        }
    }

    @Test(arguments: [
        ("a.csv", "", RecordingFileKind.csv), ("a.TXT", "", .csv), ("b.edf", "", .edf), ("-", "0       80 bytes", .edf),
        ("-", "time_s,emg_uv\n", .csv), ("-", "# only\n", nil), ("c.bin", "\u{1}\u{2},", nil),
    ])
    func kindFromNameOrContent(name: String, content: String, kind: RecordingFileKind?) {
        #expect(RecordingFileKind.detect(fileName: name, firstBytes: content.bytes[...]) == kind)
    }
}
