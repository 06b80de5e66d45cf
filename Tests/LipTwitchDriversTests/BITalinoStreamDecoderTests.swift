import LipTwitchDrivers
import Testing

/// `BITalinoStreamDecoder` on bytes laid out by hand from PLUX's protocol documents.
@Suite struct BITalinoStreamDecoderTests {
    static func events(_ chunks: [[UInt8]], channels: Int = 1) -> (events: [BITalinoEvent], decoder: BITalinoStreamDecoder) {
        var decoder = BITalinoStreamDecoder(channelCount: channels)
        var events: [BITalinoEvent] = []
        for chunk in chunks {
            var input = chunk[...]
            while let event = decoder.decode(&input) { events.append(event) }
        }
        return (events, decoder)
    }

    static func sequences(_ events: [BITalinoEvent]) -> [UInt8] {
        events.compactMap { if case .frame(let frame) = $0 { frame.sequence } else { nil } }
    }

    @Test func aOneChannelFrameIsThreeBytesWithItsCodeDigitalBitsSequenceAndCRC() {
        // Worked by hand: code 512 is 0b10_0000_0000; its low six bits (0) go to bits 7..2
        // of the first byte, its high four (0b1000) to the low nibble of the second; the
        // CRC of 00 08 0_ with sequence 0 is 0xE.
        let (events, _) = Self.events([[0x00, 0x08, 0x0E], BITalinoFrames.frame([1023], sequence: 1, digital: 0xA)])
        #expect(events == [
            .frame(BITalinoFrame(sequence: 0, digital: 0, analog: [512])),
            .frame(BITalinoFrame(sequence: 1, digital: 0xA, analog: [1023])),
        ])
        // Frames have no header: the first waits for the second to confirm the alignment.
        #expect(Self.events([[0x00, 0x08, 0x0E]]).events.isEmpty)
        #expect(BITalinoFrames.frame([1023], sequence: 15, digital: 0xA) == [0xFC, 0xAF, 0xF7])
        #expect(BITalinoFrames.frame([37], sequence: 5) == [0x94, 0x00, 0x54])
        // Six channels, laid out bit field by bit field as the Python API's `read` unpacks
        // them (Fuzz/bitalino-seeds.py): the firmware's packing gives the same bytes.
        #expect(
            BITalinoFrames.frame([1023, 1, 700, 513, 0x3C0, 0x2A5], sequence: 2, digital: 9)
                == [0x2A, 0x1F, 0x20, 0xAF, 0x01, 0xFC, 0x9F, 0x2C])
    }

    @Test(arguments: 1...6) func everyChannelCountReadsBackTheCodesLaidOut(channels: Int) {
        let codes = [1023, 1, 700, 513, 0x3C0, 0x2A5].prefix(channels)
        let bytes = (0..<3).flatMap { BITalinoFrames.frame(Array(codes), sequence: UInt8($0), digital: 0b1001) }
        #expect(bytes.count == 3 * BITalinoFrame.byteCount(channelCount: channels))
        let (events, decoder) = Self.events([bytes], channels: channels)
        // The fifth and sixth slots carry the six upper bits of their codes.
        let expected = codes.enumerated().map { $0.offset < 4 ? $0.element : $0.element >> 4 }
        #expect(events.count == 3)
        #expect(events.allSatisfy { if case .frame(let frame) = $0 { frame.analog == expected && frame.digital == 0b1001 } else { false } })
        #expect(decoder.counters.bytesDiscarded == 0 && decoder.counters.crcFailures == 0)
    }

    @Test func theFrameLengthsAreTheDocumentsOnes() {
        #expect((1...6).map { BITalinoFrame.byteCount(channelCount: $0) } == [3, 4, 6, 7, 8, 8])
    }

    @Test func theCRCIsTheFirmwaresTableWorkedBitByBit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let codes = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Int.random(in: 0...1023, using: &generator) }
            let frame = BITalinoFrames.frame(codes, sequence: UInt8.random(in: 0...15, using: &generator))
            #expect(BITalinoCRC.checksum(of: frame[...]) == frame.last! & 0x0F)
        }
    }

    @Test func framesSplitAnywhereAcrossReadsComeOutWhole() {
        let stream = BITalinoFrames.frames(40)
        for cut in [1, 2, 3, 4, 7, 64] {
            let chunks = stride(from: 0, to: stream.count, by: cut).map { Array(stream[$0..<min($0 + cut, stream.count)]) }
            #expect(Self.sequences(Self.events(chunks).events) == (0..<40).map { UInt8($0 & 0x0F) }, "chunks of \(cut) bytes")
        }
    }

    @Test func aBadCRCDropsTheFrameAndTheSequenceSaysOneWasLost() {
        var bad = BITalinoFrames.frame([300], sequence: 3)
        bad[0] ^= 0x40
        let bytes = BITalinoFrames.frames(3) + bad + BITalinoFrames.frames(4, from: 4)
        let (events, decoder) = Self.events([bytes])
        #expect(Self.sequences(events) == [0, 1, 2, 4, 5, 6, 7])
        #expect(events.contains(.framesLost(count: 1)))
        #expect(decoder.counters.crcFailures == 1 && decoder.counters.bytesDiscarded == 3 && decoder.counters.resyncs == 1)
        #expect(decoder.counters.lostFrames == 1 && decoder.counters.sequenceGaps == 1)
    }

    @Test func aLostByteCostsItsFrameAndTheDecoderFindsItsFeet() {
        var cut = BITalinoFrames.frame([777], sequence: 5)
        cut.remove(at: 1)
        let bytes = BITalinoFrames.frames(5) + cut + BITalinoFrames.frames(6, from: 6)
        let (events, decoder) = Self.events([bytes])
        #expect(Self.sequences(events) == [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11])
        #expect(decoder.counters.lostFrames == 1 && decoder.counters.bytesDiscarded == 2)
        #expect(decoder.counters.resyncs == 1 && decoder.counters.crcFailures == 1)
    }

    @Test func theSequenceWrapsAt16AndAJumpIsTheFramesLostModulo16() {
        let bytes = BITalinoFrames.frames(3, from: 14) + BITalinoFrames.frames(2, from: 3)
        let (events, decoder) = Self.events([bytes])
        #expect(Self.sequences(events) == [14, 15, 0, 3, 4])
        #expect(decoder.counters.crcFailures == 0, "a jump of the number is no CRC failure")
        #expect(events.contains(.framesLost(count: 2)))
        #expect(decoder.counters.lostFrames == 2)
    }

    @Test func theVersionAnswerIsTextUpToItsLineEndAndRestartsTheCount() {
        let bytes = [0xFF, 0x13] + Array("BITalino_v5.1\n".utf8) + BITalinoFrames.frames(3, from: 0)
        let (events, decoder) = Self.events([Array(bytes.prefix(9)), Array(bytes.dropFirst(9))])
        #expect(events.first == .version("BITalino_v5.1"))
        #expect(Self.sequences(events) == [0, 1, 2])
        #expect(decoder.counters.bytesDiscarded == 2)
    }

    @Test func textThatNeverEndsIsNotAnAnswer() {
        let bytes = Array(("BITalino" + String(repeating: "x", count: 80)).utf8) + BITalinoFrames.frames(3)
        let (events, decoder) = Self.events([bytes])
        #expect(Self.sequences(events) == [0, 1, 2])
        #expect(decoder.counters.bytesDiscarded == 88)
    }
}
