import Foundation
import LipTwitchRecordings
import LipTwitchSignals
import LipTwitchSimulator
import Testing

/// Real EDF and EDF+ files from a third-party writer (pyedflib), read back: samples within
/// one quantization step of what was written, the same as the CSV of the same signal.
@Suite("EDF recordings written by pyedflib")
struct EDFDecoderTests {
    static func quantity(_ truth: EDFFixtures.Truth.Channel) -> PhysicalQuantity {
        truth.quantity == "emg" ? .emgMicrovolts : .acceleration(axis: AccelerationAxis(rawValue: truth.quantity)!)
    }

    /// One quantization step in the delivered unit (µV or g).
    static func step(_ truth: EDFFixtures.Truth.Channel) -> Double {
        let scale = ["uV": 1, "mV": 1000, "g": 1, "m/s2": 1 / 9.80665][truth.unit]!
        return truth.step * scale
    }

    @Test(arguments: EDFFixtures.names)
    func samplesMatchTheCSVOfTheSameSignal(name: String) throws {
        let fixture = try EDFFixtures.load()[name]
        let edf = try Chunking.whole.decode(fixture.edf, with: EDFRecordingDecoder()).expectSuccess()
        let csv = try Chunking.whole.decode(fixture.csv, with: CSVRecordingDecoder()).expectSuccess()
        let truth = fixture.truth
        let format = try #require(edf.formats.first)
        #expect(edf.formats.count == 1)
        #expect(edf.events.first == .format(format))
        #expect(format.sampleRateHz == truth.sampleRateHz)
        #expect(csv.formats.first?.sampleRateHz == truth.sampleRateHz)
        #expect(format.channels.map(\.label) == truth.channels.map(\.label))
        #expect(format.channels.map(\.quantity) == truth.channels.map(Self.quantity))
        #expect(csv.formats.first?.channels.map(\.quantity) == format.channels.map(\.quantity))
        let start = truth.startTime
        #expect(format.startTime == RecordingStartTime(
            year: start[0], month: start[1], day: start[2], hour: start[3], minute: start[4], second: start[5]))
        let edfChannels = edf.channels
        let csvChannels = csv.channels
        #expect(edfChannels.map(\.count) == Array(repeating: truth.sampleCount, count: truth.channels.count))
        #expect(csvChannels.map(\.count) == edfChannels.map(\.count))
        for (index, channel) in truth.channels.enumerated() {
            let step = Self.step(channel)
            let worst = zip(edfChannels[index], csvChannels[index]).map { abs(Double($0) - Double($1)) }.max() ?? 0
            #expect(worst <= step, "\(channel.label): differs from the CSV by up to \(worst), one step is \(step)")
        }
        var next = 0
        for block in edf.blocks {
            #expect(block.firstSampleIndex == next)
            next += block.sampleCount
        }
    }

    @Test(arguments: EDFFixtures.names)
    func sameEventsHoweverTheBytesAreChunked(name: String) throws {
        let fixture = try EDFFixtures.load()[name]
        let reference = try Chunking.whole.decode(fixture.edf, with: EDFRecordingDecoder()).expectSuccess()
        for chunking in Chunking.all.dropFirst() {
            let result = chunking.decode(fixture.edf, with: EDFRecordingDecoder())
            #expect(result.error == nil)
            #expect(!result.leftOver)
            #expect(result.events == reference.events, "\(chunking)")
        }
    }

    /// What the detector's "same episodes as the CSV" test builds on: any LipTwitch CSV,
    /// written as EDF+ by pyedflib (`Tests/Fixtures/csv_to_edf.py`), reads back the same.
    @Test func aCSVWrittenAsEDFReadsBackTheSame() throws {
        var random = SignalRandom(seed: 21)
        var text = "# seeded\ntime_s,upper_uv,lower_mv,az_ms2\n"
        for row in 0..<2600 {
            let upper = Double.random(in: -250...250, using: &random)
            let lower = Double.random(in: -0.1...0.1, using: &random)
            let az = Double.random(in: 8...11, using: &random)
            text += "\(Double(row) / 1000),\(upper),\(lower),\(az)\n"
        }
        let (edf, written) = try EDFFixtures.inTemporaryDirectory { directory in
            let csvURL = directory.appendingPathComponent("in.csv")
            let edfURL = directory.appendingPathComponent("out.edf")
            try Data(text.utf8).write(to: csvURL)
            let printed = try EDFFixtures.runPython(
                script: "csv_to_edf.py", [csvURL.path, edfURL.path, "--annotation", "1.25", "0.08", "twitch"])
            return (Array(try Data(contentsOf: edfURL)), Int(printed.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        #expect(written == 2000)  // whole 1 s records only
        let fromEDF = try Chunking.whole.decode(edf, with: EDFRecordingDecoder()).expectSuccess()
        let fromCSV = try Chunking.whole.decode(text.bytes, with: CSVRecordingDecoder()).expectSuccess()
        #expect(fromEDF.formats.first?.sampleRateHz == fromCSV.formats.first?.sampleRateHz)
        #expect(fromEDF.formats.first?.channels == fromCSV.formats.first?.channels)
        #expect(fromEDF.annotations == [RecordingAnnotation(onsetSeconds: 1.25, durationSeconds: 0.08, text: "twitch")])
        // Ranges csv_to_edf.py picks: ±250 µV, ±0.1 mV (= ±100 µV), ±11 m/s² (in g).
        let steps = [500 / 65535.0, 200 / 65535.0, 22 / 9.80665 / 65535]
        for (channel, step) in steps.enumerated() {
            let pairs = zip(fromEDF.channels[channel], fromCSV.channels[channel].prefix(2000))
            let worst = pairs.map { abs(Double($0) - Double($1)) }.max() ?? .infinity
            #expect(worst <= step, "channel \(channel): up to \(worst) apart, one step is \(step)")
        }
        #expect(fromEDF.channels.map(\.count) == [2000, 2000, 2000])
    }

    @Test func annotationsComeFromTheEDFAnnotationsSignal() throws {
        let fixture = try EDFFixtures.load()["emg_accel_plus"]
        let result = try Chunking.random(seed: 4, maxSize: 999).decode(fixture.edf, with: EDFRecordingDecoder()).expectSuccess()
        let expected = fixture.truth.annotations.map {
            RecordingAnnotation(onsetSeconds: $0.onsetSeconds, durationSeconds: $0.durationSeconds, text: $0.text)
        }
        #expect(result.annotations == expected)
        #expect(result.annotations.last?.text == "talking, über")
        let firstAnnotation = try #require(result.events.firstIndex { if case .annotation = $0 { true } else { false } })
        #expect(result.events[..<firstAnnotation].contains { if case .samples = $0 { true } else { false } })
    }

    @Test func recordsShorterThanASecond() throws {
        let fixture = try EDFFixtures.load()["short_records"]
        let result = try Chunking.whole.decode(fixture.edf, with: EDFRecordingDecoder()).expectSuccess()
        #expect(result.formats.first?.sampleRateHz == 2000)
        #expect(result.blocks.map(\.sampleCount) == Array(repeating: 200, count: 12))
        #expect(result.blocks.map(\.firstSampleIndex) == (0..<12).map { $0 * 200 })
        #expect(result.annotations == [RecordingAnnotation(onsetSeconds: 0.35, durationSeconds: 0.05, text: "twitch")])
    }

    @Test func signalsThatAreNeitherEMGNorAccelerationAreSkippedAndListed() throws {
        let fixture = try EDFFixtures.load()["with_temperature"]
        var decoder = EDFRecordingDecoder()
        var input = fixture.edf[...]
        var formats: [RecordingFormat] = []
        while let event = try decoder.decode(&input) { if case .format(let format) = event { formats.append(format) } }
        #expect(formats.first?.channels == [RecordingChannel(label: "EMG", quantity: .emgMicrovolts)])
        #expect(decoder.skippedSignals.map(\.description) == [
            "signal 2 'Temp': physical dimension 'degC' is neither EMG (uV, mV, V) nor acceleration (g, m/s2)",
        ])
    }

    @Test func anUnknownNumberOfRecordsReadsToTheEnd() throws {
        let fixture = try EDFFixtures.load()["plain_mv_ms2"]
        var patch = EDFHeaderPatch(bytes: fixture.edf)
        patch.set(offset: 236, width: 8, "-1")
        let known = try Chunking.whole.decode(fixture.edf, with: EDFRecordingDecoder()).expectSuccess()
        let unknown = try Chunking.random(seed: 5, maxSize: 100).decode(patch.bytes, with: EDFRecordingDecoder()).expectSuccess()
        #expect(unknown.events == known.events)
        #expect(known.blocks.count == 4)
    }

    @Test(arguments: [("05.03.85", 1985), ("05.03.99", 1999), ("05.03.00", 2000), ("05.03.84", 2084)])
    func twoDigitYearsFollowTheEDFClippingRule(date: String, year: Int) throws {
        var patch = EDFHeaderPatch(bytes: try EDFFixtures.load()["plain_mv_ms2"].edf)
        patch.set(offset: 168, width: 8, date)
        let result = try Chunking.whole.decode(patch.bytes, with: EDFRecordingDecoder()).expectSuccess()
        #expect(result.formats.first?.startTime?.year == year)
    }

    @Test(arguments: [
        ("Acc X", AccelerationAxis.x), ("ACC_Y", .y), ("AccelZ", .z), ("ax", .x), ("chin z", .z), ("X-axis", .x),
    ])
    func accelerationAxisFromTheLabel(label: String, axis: AccelerationAxis) throws {
        var patch = EDFHeaderPatch(bytes: try EDFFixtures.load()["plain_mv_ms2"].edf)
        patch.set(signal: 1, "label", label)
        let result = try Chunking.whole.decode(patch.bytes, with: EDFRecordingDecoder()).expectSuccess()
        #expect(result.formats.first?.channels.last?.quantity == .acceleration(axis: axis))
    }
}
