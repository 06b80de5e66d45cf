import LipTwitchRecordings
import LipTwitchSignals
import LipTwitchSimulator
import Testing

@Suite("CSV recordings")
struct CSVDecoderTests {
    static func decode(_ text: String, rate: Double? = nil) throws -> DecodeResult {
        try Chunking.whole.decode(text.bytes, with: CSVRecordingDecoder(sampleRateHz: rate)).expectSuccess()
    }

    /// `count` rows at `rate` Hz with the given columns, values from `value(row, column)`.
    static func table(header: String, count: Int, rate: Double, value: (Int, Int) -> Double) -> String {
        let width = header.split(separator: ",").count - 1
        var text = header + "\n"
        for row in 0..<count {
            text += "\(Double(row) / rate)," + (0..<width).map { "\(value(row, $0))" }.joined(separator: ",") + "\n"
        }
        return text
    }

    @Test func microvoltsWithRateFromTheTimeColumn() throws {
        let text = Self.table(header: "time_s,emg_uv", count: 3000, rate: 2000) { row, _ in Double(row % 100) - 50.5 }
        let result = try Self.decode(text)
        #expect(result.formats == [RecordingFormat(sampleRateHz: 2000, channels: [.init(label: "emg", quantity: .emgMicrovolts)])])
        #expect(result.events.first == .format(result.formats[0]))
        #expect(result.channels == [(0..<3000).map { Float($0 % 100) - 50.5 }])
        #expect(result.blocks.map(\.sampleCount) == [1024, 1024, 952])
        #expect(result.blocks.map(\.firstSampleIndex) == [0, 1024, 2048])
    }

    @Test func millivoltsBecomeMicrovolts() throws {
        let result = try Self.decode("t,upper_left_mv,lower_uv\n0,0.25,3\n0.001,-1.5,4\n0.002,0,5\n")
        #expect(result.formats.first?.sampleRateHz == 1000)
        #expect(result.formats.first?.channels.map(\.label) == ["upper_left", "lower"])
        #expect(result.channels == [[250, -1500, 0], [3, 4, 5]])
    }

    @Test func accelerometerInGAndMetresPerSecondSquared() throws {
        let result = try Self.decode("time,ax_g,ay_g,az_g,head_x_ms2\n0,0.1,0.2,1,9.80665\n0.01,0,0,1,-19.6133\n")
        let format = try #require(result.formats.first)
        #expect(format.sampleRateHz == 100)
        #expect(format.channels.map(\.quantity) == [
            .acceleration(axis: .x), .acceleration(axis: .y), .acceleration(axis: .z), .acceleration(axis: .x),
        ])
        #expect(format.channels.map(\.label) == ["ax", "ay", "az", "head_x"])
        #expect(result.channels[3].map { ($0 * 1000).rounded() / 1000 } == [1, -2])
        #expect(result.channels[0] == [0.1, 0])
    }

    @Test func rateOverrideIgnoresTheTimeColumnOrMakesItOptional() throws {
        let withTime = try Self.decode("time_s,emg_uv\n0,1\n0.5,2\n7,3\n", rate: 250)
        #expect(withTime.formats.first?.sampleRateHz == 250)
        #expect(withTime.channels == [[1, 2, 3]])
        let withoutTime = try Self.decode("emg_uv,az_g\n1,0.5\n2,0.25\n", rate: 500)
        #expect(withoutTime.formats.first == RecordingFormat(
            sampleRateHz: 500,
            channels: [.init(label: "emg", quantity: .emgMicrovolts), .init(label: "az", quantity: .acceleration(axis: .z))]))
        #expect(withoutTime.channels == [[1, 2], [0.5, 0.25]])
    }

    @Test func crlfCommentsBlankLinesSpacesAndAByteOrderMark() throws {
        let text = "\u{FEFF}# recorded 2024-03-05\r\n# by hand\r\n Time_S , EMG_uV \r\n0, 1\r\n# a note\r\n\r\n0.5,2\r\n1.0,3\r\n\r\n\r\n"
        let result = try Self.decode(text)
        #expect(result.formats.first?.sampleRateHz == 2)
        #expect(result.channels == [[1, 2, 3]])
    }

    @Test func lastLineWithoutNewline() throws {
        #expect(try Self.decode("t,emg_uv\n0,1\n0.1,2").channels == [[1, 2]])
    }

    @Test func numbersInEveryNotation() throws {
        let result = try Self.decode("t,emg_uv\n0,+1.5\n1,-.25\n2,3e2\n3,4.E-1\n4,NaN\n5,-0\n6,12345678901234567890123\n", rate: 1)
        let values = result.channels[0]
        #expect(Array(values[0..<4]) == [1.5, -0.25, 300, 0.4])
        #expect(values[4].isNaN)
        #expect(values[5] == 0)
        #expect(values[6] == 1.2345679e22)
    }

    @Test func aGapOfWholePeriodsIsDeliveredAsMissingSamples() throws {
        let result = try Self.decode("t,emg_uv\n0,1\n0.01,2\n0.02,3\n0.05,4\n0.06,5\n")
        let values = result.channels[0]
        #expect(values.count == 7)
        #expect(values[0..<3] == [1, 2, 3])
        #expect(values[3].isNaN && values[4].isNaN)
        #expect(values[5...] == [4, 5])
    }

    @Test func timestampJitterOfATenthOfAPeriodIsAccepted() throws {
        var random = SignalRandom(seed: 7)
        let text = Self.table(header: "t,emg_uv", count: 500, rate: 1000) { row, _ in Double(row) }
            .split(separator: "\n").enumerated().map { index, line in
                guard index > 0, let comma = line.firstIndex(of: ",") else { return String(line) }
                let time = Double(line[..<comma])! + Double.random(in: -0.0001...0.0001, using: &random)
                return "\(time)\(line[comma...])"
            }.joined(separator: "\n")
        let result = try Self.decode(text)
        #expect(result.formats.first?.sampleRateHz == 1000)
        #expect(result.channels == [(0..<500).map(Float.init)])
    }

    @Test func aGapLongerThanTheEstimationRowsAndAHeaderOnlyFileWithARate() throws {
        var text = Self.table(header: "t,emg_uv", count: 100, rate: 100) { row, _ in Double(row) }
        text += "1.5,100\n"
        let result = try Self.decode(text)
        #expect(result.channels[0].count == 151)
        #expect(result.channels[0].last == 100)
        let empty = try Self.decode("t,emg_uv\n", rate: 100)
        #expect(empty.events == [.format(RecordingFormat(sampleRateHz: 100, channels: [.init(label: "emg", quantity: .emgMicrovolts)]))])
    }

    @Test func sampleRateFromTheFirstRowsRoundedToWholeHertzWhenClose() throws {
        let text = Self.table(header: "t,emg_uv", count: 80, rate: 2000) { row, _ in Double(row) }
        #expect(try Self.decode(text).formats.first?.sampleRateHz == 2000)
        let odd = Self.table(header: "t,emg_uv", count: 10, rate: 312.5) { row, _ in Double(row) }
        let rate = try #require(try Self.decode(odd).formats.first?.sampleRateHz)
        #expect(abs(rate - 312.5) < 1e-6)
    }
}
