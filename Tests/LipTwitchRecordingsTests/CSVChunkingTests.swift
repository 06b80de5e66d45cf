import LipTwitchRecordings
import LipTwitchSignals
import LipTwitchSimulator
import Testing

/// The same CSV bytes give the same events however they are cut into reads.
@Suite("CSV chunking")
struct CSVChunkingTests {
    /// A seeded CSV with everything the decoder handles: comments, CR LF, blank lines, a
    /// gap, both EMG units and acceleration, more rows than the rate estimation takes.
    static let text: String = {
        var random = SignalRandom(seed: 42)
        var text = "# seeded test recording\r\ntime_s,upper_uv,lower_mv,ax_g,az_ms2\r\n"
        var row = 0
        while row < 3000 {
            if row == 1500 { row += 7 }  // a gap of 7 samples
            let values = (0..<4).map { _ in String(format4(Double.random(in: -500...500, using: &random))) }
            text += "\(Double(row) / 1000),\(values.joined(separator: ","))\r\n"
            if row % 997 == 0 { text += "# marker\r\n\r\n" }
            row += 1
        }
        return text
    }()

    private static func format4(_ value: Double) -> String {
        "\((value * 10_000).rounded() / 10_000)"
    }

    @Test(arguments: Chunking.all)
    func sameEvents(chunking: Chunking) throws {
        let reference = try Chunking.whole.decode(Self.text.bytes, with: CSVRecordingDecoder()).expectSuccess()
        let result = try chunking.decode(Self.text.bytes, with: CSVRecordingDecoder()).expectSuccess()
        #expect(!result.leftOver)
        #expect(result.comparableEvents == reference.comparableEvents)
        #expect(reference.formats.first?.sampleRateHz == 1000)
        #expect(reference.channels.first?.count == 3000)
        #expect(reference.channels[0][1500..<1507].allSatisfy { $0.isNaN })
    }
}
