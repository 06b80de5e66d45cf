@testable import LipTwitchProtocol
import Testing

/// The frame layer alone: a frame that arrives whole in one read is decoded straight from
/// the read, one cut by reads is collected first; both must give the same frames.
@Suite("Frame decoder")
struct FrameDecoderTests {
    /// Payloads of every shape COBS meets: runs of zeros, and runs long enough for full
    /// (255) blocks, up to the longest payload.
    static func payloads(seed: UInt64) -> [[UInt8]] {
        var random = SeededRandom(seed: seed)
        let lengths = [0, 1, 250, 251, 252, 253, 254, 255, 500, 760, 1015, ProtocolConstants.maxPayloadLength]
            + (0..<40).map { _ in Int.random(in: 0...ProtocolConstants.maxPayloadLength, using: &random) }
        return lengths.enumerated().map { index, length in
            let zeroChance = [3, 60, 100_000][index % 3]
            return (0..<length).map { _ in
                Int.random(in: 0..<zeroChance, using: &random) == 0 ? 0 : UInt8.random(in: 1...255, using: &random)
            }
        }
    }

    static func stream(of payloads: [[UInt8]]) -> [UInt8] {
        var stream: [UInt8] = []
        for (index, payload) in payloads.enumerated() {
            FrameEncoder.encodeFrame(typeCode: 0x02, sequence: UInt16(index), payload: payload, into: &stream)
        }
        return stream
    }

    static func frames(of stream: [UInt8], chunkSizes: () -> Int) -> [Result<Frame, FrameError>] {
        var decoder = FrameDecoder()
        var results: [Result<Frame, FrameError>] = []
        var start = 0
        while start < stream.count {
            var chunk = stream[start..<min(stream.count, start + chunkSizes())]
            start = chunk.endIndex
            while let result = decoder.decode(&chunk) {
                // A copy: the decoder hands out a view of its buffer.
                results.append(result.map { frame in
                    var frame = frame
                    frame.payload = ArraySlice(Array(frame.payload))
                    return frame
                })
            }
        }
        return results
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func framesOfEveryShapeDecodeTheSameWholeOrInPieces(seed: UInt64) throws {
        let payloads = Self.payloads(seed: seed)
        let stream = Self.stream(of: payloads)
        let whole = Self.frames(of: stream, chunkSizes: { stream.count })
        #expect(whole.count == payloads.count)
        for (index, result) in whole.enumerated() {
            let frame = try result.get()
            #expect(frame.payload.elementsEqual(payloads[index]))
            #expect(frame.sequence == UInt16(index))
        }
        var random = SeededRandom(seed: seed)
        for maxSize in [1, 7, 300, 2000] {
            let pieces = Self.frames(of: stream, chunkSizes: { Int.random(in: 1...maxSize, using: &random) })
            #expect(pieces == whole, "chunks of up to \(maxSize) bytes")
        }
    }

    @Test(arguments: [1030, 5000])
    func anOversizeCandidateInOneReadIsReportedWithItsLength(length: Int) {
        var input = ([UInt8](repeating: 0x55, count: length) + [0])[...]
        var decoder = FrameDecoder()
        #expect(decoder.decode(&input) == .failure(.oversize(byteCount: length)))
        #expect(input.isEmpty)
        #expect(decoder.buffer.count == ProtocolConstants.maxEncodedFrameLength)
    }

    @Test func aPayloadKeptPastTheNextCallStaysIntact() throws {
        let payloads: [[UInt8]] = [Array(1...200), Array(repeating: 9, count: 100)]
        var input = Self.stream(of: payloads)[...]
        var decoder = FrameDecoder()
        // `#require` cannot take an `inout` argument: one call per result, outside it.
        let results = [decoder.decode(&input), decoder.decode(&input)]
        let first = try #require(results[0]).get()
        let second = try #require(results[1]).get()
        #expect(first.payload.elementsEqual(payloads[0]))
        #expect(second.payload.elementsEqual(payloads[1]))
    }
}
