import LipTwitchLink
import LipTwitchProtocol
import Testing

/// `PortDecoder`: every byte decoded once, following the port and the times of its reads.
@Suite struct PortDecoderTests {
    typealias F = LinkFixtures

    /// The wire bytes of `message` in frame `sequence`.
    static func wire(_ message: DeviceMessage, sequence: UInt16) -> [UInt8] {
        var bytes: [UInt8] = []
        FrameEncoder.encode(message, sequence: sequence, into: &bytes)
        return bytes
    }

    static func messages(_ read: DecodedRead) -> [DeviceMessage] {
        read.events.compactMap { if case .message(let message, _) = $0.event { message } else { nil } }
    }

    @Test func aFrameSplitAcrossTwoQuickReadsIsOneMessage() {
        var decoder = PortDecoder()
        let frame = Self.wire(F.samples(), sequence: 0)
        let head = decoder.decode(Array(frame.prefix(10)), at: F.ms(0))
        let tail = decoder.decode(Array(frame.dropFirst(10)), at: F.ms(16))
        #expect(head.events.isEmpty)
        #expect(Self.messages(tail) == [F.samples()])
        #expect(tail.counters.bytesReceived == frame.count && tail.counters.bytesDiscarded == 0)
    }

    @Test func aPartialFrameBeforeTheLineWentQuietIsForgottenAndCounted() {
        var decoder = PortDecoder()
        let garbage: [UInt8] = [0x17, 0x42, 0x99, 0x05]
        _ = decoder.decode(garbage, at: F.ms(0))
        let later = decoder.decode(Self.wire(F.samples(), sequence: 0), at: F.ms(0) + PortDecoder.staleFrameAfter)
        #expect(Self.messages(later) == [F.samples()], "the next frame is not glued to the stale bytes")
        #expect(later.counters.bytesDiscarded == garbage.count)
        #expect(later.counters.crcFailures == 0 && later.counters.invalidEncodings == 0)
    }

    @Test func eachEventCarriesTheCountsJustAfterIt() {
        var decoder = PortDecoder()
        let first = Self.wire(F.samples(first: 0), sequence: 0)
        let second = Self.wire(F.samples(first: 16), sequence: 1)
        let read = decoder.decode(first + second, at: F.ms(0))
        #expect(read.events.map(\.counters.bytesReceived) == [first.count, first.count + second.count])
        #expect(read.events.map(\.counters.framesDecoded) == [1, 2])
        #expect(read.counters == decoder.counters)
        #expect(read.time == F.ms(0))
    }

    @Test func anOpenStartsAfreshButKeepsTheCounts() {
        var decoder = PortDecoder()
        _ = decoder.follow(.read(Self.wire(F.samples(), sequence: 7) + [0x17, 0x42]), at: F.ms(0))
        #expect(decoder.follow(.opened(path: "/dev/ttyACM0"), at: F.ms(1)) == nil)
        #expect(decoder.counters.bytesDiscarded == 2)
        // After the open, frame 0 is the first of a new connection, not a restart.
        let read = decoder.follow(.read(Self.wire(F.samples(), sequence: 0)), at: F.ms(2))
        #expect(read?.events.count == 1)
        #expect(decoder.counters.sequenceResets == 0 && decoder.counters.framesDecoded == 2)
    }

    @Test func batchesArePlacedOnlyInAStreamOfTheIdentifiedSensor() {
        var decoder = PortDecoder()
        let start = DeviceMessage.ack(CommandAck(commandType: MessageType.start.rawValue, commandSequence: 2))
        let stop = DeviceMessage.ack(CommandAck(commandType: MessageType.stop.rawValue, commandSequence: 3))
        var bytes: [UInt8] = []
        for (sequence, message) in [
            F.samples(first: 0), .identity(F.identity()), start, F.samples(first: 0), F.samples(first: 16), stop,
            F.samples(first: 32),
        ].enumerated() {
            bytes += Self.wire(message, sequence: UInt16(sequence))
        }
        let placements = decoder.decode(bytes, at: F.ms(100)).events.map(\.placement)
        #expect(placements.count == 7)
        #expect(placements[0] == .stale, "a batch before any START is stale")
        #expect(placements[1] == .untimed && placements[2] == .untimed)
        guard case .batch(let first) = placements[3], case .batch(let second) = placements[4] else {
            Issue.record("the stream's batches were not placed: \(placements)")
            return
        }
        #expect(first.continuity == .streamStart && second.continuity == .continuous)
        #expect(placements[6] == .stale, "a batch after the ACK of STOP is stale")
    }
}
