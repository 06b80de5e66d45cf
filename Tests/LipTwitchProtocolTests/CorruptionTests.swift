@testable import LipTwitchProtocol
import Testing

/// Broken input of every kind: the decoder drops what it must, recovers at the next
/// delimiter, accounts for every byte and never crashes or grows.
@Suite("Corrupted streams")
struct CorruptionTests {
    static let good = Fixtures.wire(Fixtures.samples(first: 16), sequence: 11)

    /// `bytes` then the good frame: the good frame must come out, and every byte before it
    /// that was not an empty candidate must count as discarded.
    private func expectRecovery(after bytes: [UInt8], _ comment: Comment? = nil) {
        var decoder = DeviceStreamDecoder()
        let events = decoder.events(from: bytes + Self.good)
        let messages = events.compactMap(\.message)
        #expect(messages == [Fixtures.samples(first: 16)], comment)
        #expect(decoder.counters.framesDecoded == 1, comment)
        #expect(decoder.counters.bytesReceived == bytes.count + Self.good.count, comment)
        #expect(decoder.counters.bytesDiscarded == bytes.count - Fixtures.emptyCandidates(in: bytes), comment)
        let rejected = events.count { $0.frameError != nil }
        #expect(decoder.counters.resyncs == (rejected > 0 ? 1 : 0), comment)
        #expect(decoder.bufferedByteCount == 0, comment)
    }

    @Test func garbageEndedByADelimiterBeforeTheFirstFrame() {
        var random = SeededRandom(seed: 7)
        expectRecovery(after: random.bytes(300).map { $0 | 1 } + [0])
    }

    @Test func garbageWithoutADelimiterSwallowsTheFrameAfterIt() {
        var decoder = DeviceStreamDecoder()
        let frame = Fixtures.wire(Fixtures.status, sequence: 0)
        let events = decoder.events(from: [0x17, 0x42, 0x99] + frame + Self.good)
        #expect(events.count == 2)
        #expect(events.first?.frameError != nil)
        #expect(events.last?.message == Fixtures.samples(first: 16))
        #expect(decoder.counters.bytesDiscarded == 3 + frame.count)
    }

    @Test(arguments: [1, 2, 3]) func randomGarbageBetweenFrames(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var stream: [UInt8] = []
        var expected: [DeviceMessage] = []
        for index in 0..<50 {
            let message = Fixtures.samples(first: UInt32(index) * 16)
            stream += Fixtures.wire(message, sequence: UInt16(index))
            expected.append(message)
            // The garbage ends with a delimiter, as a sender's lone 0x00 would end it.
            stream += random.bytes(.random(in: 0...40, using: &random)) + [0]
        }
        var decoder = DeviceStreamDecoder()
        let events = decoder.events(from: stream)
        #expect(events.compactMap(\.message) == expected)
        #expect(decoder.counters.framesDecoded == 50)
        #expect(!events.contains { if case .sequenceGap = $0 { true } else { false } })
    }

    @Test func garbageInsideAFrame() {
        let frame = Fixtures.wire(Fixtures.identity, sequence: 3)
        for position in stride(from: 1, to: frame.count - 1, by: 5) {
            var corrupted = frame
            corrupted.insert(contentsOf: [0x5A, 0xA5], at: position)
            expectRecovery(after: corrupted, "garbage at \(position)")
        }
    }

    static let flipTargets: [(name: String, wire: [UInt8])] = [
        ("samples", Fixtures.wire(Fixtures.samples(), sequence: 10)),
        ("identity", Fixtures.wire(Fixtures.identity, sequence: 10)),
        ("status", Fixtures.wire(Fixtures.status, sequence: 10)),
        ("pong", Fixtures.wire(DeviceMessage.pong(Pong(nonce: 0xDEAD_BEEF, timestampMicros: 0x0100_0000)), sequence: 10)),
    ]

    @Test(arguments: flipTargets.indices)
    func everySingleBitFlipIsRejectedAndTheNextFrameDecoded(target: Int) {
        let frame = Self.flipTargets[target].wire
        for byte in 0..<frame.count - 1 {
            for bit in 0..<8 {
                var corrupted = frame
                corrupted[byte] ^= 1 << bit
                expectRecovery(after: corrupted, "bit \(bit) of byte \(byte)")
            }
        }
    }

    @Test func aFlippedDelimiterJoinsTwoFramesAndTheThirdIsDecoded() {
        let frame = Fixtures.wire(Fixtures.status, sequence: 10)
        for bit in 0..<8 {
            var corrupted = frame
            corrupted[corrupted.count - 1] ^= 1 << bit
            var decoder = DeviceStreamDecoder()
            let events = decoder.events(from: corrupted + Fixtures.wire(Fixtures.status, sequence: 11) + Self.good)
            #expect(events.compactMap(\.message) == [Fixtures.samples(first: 16)], "bit \(bit)")
            #expect(decoder.counters.bytesDiscarded == decoder.counters.bytesReceived - Self.good.count)
        }
    }

    @Test func truncatedFrames() {
        let frame = Fixtures.wire(Fixtures.identity, sequence: 1)
        for kept in 1..<frame.count - 1 {
            expectRecovery(after: Array(frame[..<kept]) + [0], "\(kept) bytes kept")
        }
    }

    @Test func aFrameSplitAtEveryPosition() {
        let frame = Fixtures.wire(Fixtures.identity, sequence: 1)
        for split in 0...frame.count {
            var decoder = DeviceStreamDecoder()
            var first = frame[..<split]
            var second = frame[split...]
            var events: [DecoderEvent<DeviceMessage>] = []
            while let event = decoder.decode(&first) { events.append(event) }
            #expect(decoder.bufferedByteCount == (split == frame.count ? 0 : split))
            while let event = decoder.decode(&second) { events.append(event) }
            #expect(events == [.message(Fixtures.identity, sequence: 1)], "split at \(split)")
        }
    }

    @Test func aCodeBytePointingPastTheEnd() {
        let frame = Fixtures.wire(Fixtures.status, sequence: 2)
        var lying = frame
        lying[0] = 0xFE  // far past the end of a 22-byte frame
        var decoder = DeviceStreamDecoder()
        #expect(decoder.events(from: lying) == [.frameError(.invalidEncoding(byteCount: lying.count - 1))])
        #expect(decoder.counters.invalidEncodings == 1)
        expectRecovery(after: lying)
    }

    @Test func theLargestFrameIsAccepted() throws {
        // 12 + 251 samples × 2 channels × 2 bytes = 1016: a 1024-byte frame. Without a zero
        // byte (values, header and, for the right timestamp, CRC) it encodes to 1029 bytes.
        let values = (0..<502).map { (index: Int) -> Int32 in
            let low = UInt16(1 + index % 255)
            let high = UInt16(1 + index / 255)
            return Int32(Int16(bitPattern: high << 8 | low))
        }
        let zeroFree = (UInt32(0x0101_0101)...).lazy.map { timestamp in
            DeviceMessage.samples(SampleBatch(
                firstSampleIndex: 0x0101_0101, timestampMicros: timestamp, sampleCount: 251, channelCount: 2,
                format: .int16, flags: .leadOff, values: values))
        }.first { Fixtures.wire($0, sequence: 0x0101).count == ProtocolConstants.maxEncodedFrameLength + 1 }
        let batch = try #require(zeroFree)
        let wire = Fixtures.wire(batch, sequence: 0x0101)
        #expect(DeviceStreamDecoder.events(from: wire) == [.message(batch, sequence: 0x0101)])
    }

    @Test func aFrameLongerThan1024BytesIsOversizeEvenWhenItsEncodingFits() {
        // 1028 bytes with a zero every 100 bytes encode to 1029 bytes.
        let frame = (0..<1028).map { $0 % 100 == 99 ? UInt8(0) : UInt8(1 + $0 % 200) }
        var encoded: [UInt8] = []
        COBS.encode(frame, into: &encoded)
        #expect(encoded.count == 1029)
        #expect(DeviceStreamDecoder.events(from: encoded + [0]) == [.frameError(.oversize(byteCount: 1029))])
    }

    @Test(arguments: [1030, 1031, 2000, 100_000])
    func oversizeRunsAreDroppedWithoutBuffering(length: Int) {
        var decoder = DeviceStreamDecoder()
        let capacity = decoder.frames.buffer.capacity
        var run = [UInt8](repeating: 0x55, count: length)[...]
        #expect(decoder.decode(&run) == nil)
        #expect(decoder.bufferedByteCount == length)
        #expect(decoder.frames.buffer.count <= ProtocolConstants.maxEncodedFrameLength)
        #expect(decoder.frames.buffer.capacity == capacity)
        var rest = ([0] + Self.good)[...]
        #expect(decoder.decode(&rest) == .frameError(.oversize(byteCount: length)))
        #expect(decoder.decode(&rest) == .message(Fixtures.samples(first: 16), sequence: 11))
        #expect(decoder.counters.oversizeFrames == 1)
        #expect(decoder.counters.bytesDiscarded == length + 1)
        #expect(decoder.counters.resyncs == 1)
    }

    @Test func exactly1029BytesAreNotOversize() {
        let events = DeviceStreamDecoder.events(from: [UInt8](repeating: 0x55, count: 1029) + [0])
        #expect(events.count == 1)
        #expect(events.first?.frameError != nil)
        #expect(events.first?.frameError?.counter != \.oversizeFrames)
    }

    @Test(arguments: [11, 12, 13]) func randomBytesNeverCrashNorGrowTheBuffer(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let bytes = random.bytes(1 << 20)
        var decoder = DeviceStreamDecoder()
        let capacity = decoder.frames.buffer.capacity
        #expect(capacity >= ProtocolConstants.maxEncodedFrameLength)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + .random(in: 1...4096, using: &random))
            var chunk = bytes[start..<end]
            while decoder.decode(&chunk) != nil {
                #expect(decoder.frames.buffer.count <= ProtocolConstants.maxEncodedFrameLength)
            }
            #expect(decoder.frames.buffer.count <= ProtocolConstants.maxEncodedFrameLength)
            start = end
        }
        #expect(decoder.frames.buffer.capacity == capacity)
        let counters = decoder.counters
        #expect(counters.bytesReceived == bytes.count)
        #expect(counters.framesDecoded == 0)
        #expect(counters.bytesDiscarded + Fixtures.emptyCandidates(in: bytes) + decoder.bufferedByteCount == bytes.count)
    }

    @Test func runtsOfEveryShortLength() {
        for length in 0..<ProtocolConstants.minFrameLength {
            var encoded: [UInt8] = []
            COBS.encode([UInt8](repeating: 9, count: length), into: &encoded)
            #expect(DeviceStreamDecoder.events(from: encoded + [0]) == [.frameError(.runt(byteCount: encoded.count))])
        }
    }

    @Test func emptyCandidatesAreIgnoredSilently() {
        var decoder = DeviceStreamDecoder()
        let events = decoder.events(from: [0, 0, 0] + Self.good + [0, 0])
        #expect(events == [.message(Fixtures.samples(first: 16), sequence: 11)])
        #expect(decoder.counters.bytesDiscarded == 0)
        #expect(decoder.counters.resyncs == 0)
    }
}
