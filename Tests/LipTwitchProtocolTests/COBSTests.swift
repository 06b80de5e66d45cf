@testable import LipTwitchProtocol
import Testing

@Suite("COBS")
struct COBSTests {
    static func encoded(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        COBS.encode(bytes, into: &output)
        return output
    }

    /// The examples of PROTOCOL.md section 2.2.
    static let specExamples: [(frame: [UInt8], encoded: [UInt8])] = [
        ([0x00], [0x01, 0x01]),
        ([0x00, 0x00], [0x01, 0x01, 0x01]),
        ([0x11, 0x22, 0x00, 0x33], [0x03, 0x11, 0x22, 0x02, 0x33]),
        ([0x11, 0x22, 0x33, 0x44], [0x05, 0x11, 0x22, 0x33, 0x44]),
        (Array(0x01...0xFE), [0xFF] + Array(0x01...0xFE)),
    ]

    @Test(arguments: specExamples.indices) func specExample(index: Int) {
        let example = Self.specExamples[index]
        #expect(Self.encoded(example.frame) == example.encoded)
        #expect(COBS.decode(example.encoded) == example.frame)
    }

    @Test func emptyInputIsOneCodeByte() {
        #expect(Self.encoded([]) == [0x01])
        #expect(COBS.decode([0x01]) == [])
    }

    @Test func aTrailingEmptyBlockIsAcceptedButNeverWritten() {
        let run = Array(repeating: UInt8(0x42), count: 254)
        #expect(Self.encoded(run) == [0xFF] + run)
        #expect(COBS.decode([0xFF] + run + [0x01]) == run)
    }

    @Test func runsAroundTheBlockLength() {
        for length in [253, 254, 255, 508, 509] {
            let run = Array(repeating: UInt8(0x42), count: length)
            let encoded = Self.encoded(run)
            #expect(encoded.count == length + max(1, (length + 253) / 254), "length \(length)")
            #expect(COBS.decode(encoded) == run)
            #expect(COBS.decode(Self.encoded(run + [0])) == run + [0])
        }
    }

    @Test(arguments: [1, 2, 3]) func roundTripsEveryLength(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for length in Array(0..<600) + [1016, 1024, 1025] {
            // Half the inputs rich in zeros, half nearly free of them.
            let zeroChance = length.isMultiple(of: 2) ? 4 : 200
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<zeroChance, using: &random) == 0 ? 0 : UInt8.random(in: 1...255, using: &random)
            }
            let encoded = Self.encoded(bytes)
            #expect(!encoded.contains(0))
            #expect(encoded.count <= COBS.maxEncodedLength(ofDecodedLength: length))
            #expect(COBS.decode(encoded) == bytes)
        }
    }

    @Test func theLongestFrameEncodesTo1029Bytes() {
        #expect(COBS.maxEncodedLength(ofDecodedLength: ProtocolConstants.maxFrameLength)
            == ProtocolConstants.maxEncodedFrameLength)
        #expect(Self.encoded(Array(repeating: 7, count: 1024)).count == 1029)
    }

    @Test(arguments: [
        [0x05, 0x11, 0x22],  // the first code byte points past the end
        [0x03, 0x11, 0x22, 0x04, 0x33],  // the last one does
        [0x02],  // a lone code byte promising one data byte
        [0xFF, 0x01, 0x02],  // a short 255 block
        [0x02, 0x00],  // a zero inside
        [0x00],  // a zero code byte
    ] as [[UInt8]])
    func invalidEncodings(encoded: [UInt8]) {
        #expect(COBS.decode(encoded) == nil)
    }

    /// The frame decoder decodes a frame that arrived whole from its read into its own
    /// buffer, and one cut by reads in place: both must agree, with and without full blocks.
    @Test(arguments: [4, 5, 6] as [UInt64]) func decodingIntoAnotherBufferAgreesWithDecodingInPlace(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for length in Array(0..<520) + [1016, 1024] {
            let zeroChance = [3, 40, 100_000][length % 3]
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<zeroChance, using: &random) == 0 ? 0 : UInt8.random(in: 1...255, using: &random)
            }
            let encoded = Self.encoded(bytes)
            var output = [UInt8](repeating: 0xAA, count: encoded.count)
            let decodedLength = encoded.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { COBS.decode(source, into: $0.baseAddress!) }
            }
            #expect(decodedLength == length)
            #expect(output.prefix(length).elementsEqual(bytes))
            #expect(COBS.decode(encoded) == bytes)
        }
    }
}
