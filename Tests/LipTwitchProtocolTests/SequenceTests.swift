import LipTwitchProtocol
import Testing

/// Sequence numbers (PROTOCOL.md section 3.1), resyncs and `reset()`.
@Suite("Sequence accounting")
struct SequenceTests {
    static let status = Fixtures.status

    /// The wire bytes of a status frame numbered `sequence` per element.
    static func frames(_ sequences: [UInt16]) -> [UInt8] {
        sequences.flatMap { Fixtures.wire(status, sequence: $0) }
    }

    /// The events of status frames numbered `sequences`, fed to a fresh decoder.
    static func events(_ sequences: [UInt16]) -> (events: [DecoderEvent<DeviceMessage>], counters: DecoderCounters) {
        var decoder = DeviceStreamDecoder()
        let events = decoder.events(from: frames(sequences))
        return (events, decoder.counters)
    }

    @Test(arguments: [[0, 1, 2, 3], [65534, 65535, 0, 1], [4000], [17, 18]] as [[UInt16]])
    func inOrderIncludingTheWrap(sequences: [UInt16]) {
        let (events, counters) = Self.events(sequences)
        #expect(events == sequences.map { .message(Self.status, sequence: $0) })
        #expect(counters.sequenceGaps == 0 && counters.sequenceResets == 0 && counters.lostFrames == 0)
    }

    @Test func aGapIsReportedJustBeforeTheFrameThatRevealsIt() {
        let (events, counters) = Self.events([0, 1, 5, 6])
        #expect(events == [
            .message(Self.status, sequence: 0), .message(Self.status, sequence: 1),
            .sequenceGap(expected: 2, received: 5, lostFrames: 3),
            .message(Self.status, sequence: 5), .message(Self.status, sequence: 6),
        ])
        #expect(counters.sequenceGaps == 1)
        #expect(counters.lostFrames == 3)
    }

    @Test func aGapAcrossTheWrap() {
        let (events, counters) = Self.events([65534, 1])
        #expect(events[1] == .sequenceGap(expected: 65535, received: 1, lostFrames: 2))
        #expect(counters.lostFrames == 2)
    }

    @Test func goingBackwardsIsASenderRestart() {
        let (events, counters) = Self.events([7, 8, 0, 1])
        #expect(events == [
            .message(Self.status, sequence: 7), .message(Self.status, sequence: 8),
            .sequenceReset(expected: 9, received: 0),
            .message(Self.status, sequence: 0), .message(Self.status, sequence: 1),
        ])
        #expect(counters.sequenceResets == 1)
        #expect(counters.sequenceGaps == 0)
    }

    @Test func theBoundaryBetweenGapAndRestart() {
        let gap = Self.events([0, 32768]).events[1]
        #expect(gap == .sequenceGap(expected: 1, received: 32768, lostFrames: 32767))
        let restart = Self.events([0, 32769]).events[1]
        #expect(restart == .sequenceReset(expected: 1, received: 32769))
    }

    @Test func skippedFramesStillCountButDroppedOnesDoNot() {
        var stream = Self.frames([0])
        stream += Fixtures.wire(typeCode: 0x7E, sequence: 1, payload: [1, 2, 3])  // unknown type: counts
        stream += Fixtures.wire(typeCode: 0x04, sequence: 2, payload: [1])  // malformed marker: counts
        stream += Fixtures.wire(version: 2, typeCode: 0x03, sequence: 3, payload: [])  // other version: does not
        var broken = Self.frames([3])
        broken[5] ^= 0x10  // CRC failure: does not count
        stream += broken + Self.frames([4])
        var decoder = DeviceStreamDecoder()
        let events = decoder.events(from: stream)
        #expect(events == [
            .message(Self.status, sequence: 0),
            .frameError(.unknownMessageType(0x7E)),
            .frameError(.malformedPayload(PayloadError(typeCode: 4, reason: "payload is 1 bytes, marker needs 9"))),
            .frameError(.unsupportedVersion(2)),
            .frameError(.crcMismatch(byteCount: broken.count - 1)),
            .sequenceGap(expected: 3, received: 4, lostFrames: 1),
            .message(Self.status, sequence: 4),
        ])
        #expect(decoder.counters.resyncs == 1)
        #expect(decoder.counters.unknownMessageTypes == 1)
        #expect(decoder.counters.malformedPayloads == 1)
        #expect(decoder.counters.unsupportedVersions == 1)
        #expect(decoder.counters.crcFailures == 1)
        #expect(decoder.counters.bytesDiscarded == stream.count - 2 * Self.frames([0]).count)
    }

    @Test func aGapRevealedByASkippedFrameComesBeforeItsError() {
        var decoder = DeviceStreamDecoder()
        let events = decoder.events(from: Self.frames([0]) + Fixtures.wire(typeCode: 0x7E, sequence: 9, payload: []))
        #expect(events.suffix(2) == [
            .sequenceGap(expected: 1, received: 9, lostFrames: 8), .frameError(.unknownMessageType(0x7E)),
        ])
    }

    @Test func oneResyncPerRecovery() {
        var stream = Self.frames([0])
        stream += [0x03, 0x99, 0x00]  // invalid encoding
        stream += [0x02, 0x11, 0x00]  // runt
        stream += Self.frames([1])
        stream += [0x02, 0x11, 0x00]
        stream += Self.frames([2, 3])
        var decoder = DeviceStreamDecoder()
        _ = decoder.events(from: stream)
        #expect(decoder.counters.resyncs == 2)
        #expect(decoder.counters.framesDecoded == 4)
        #expect(decoder.counters.bytesDiscarded == 9)
    }

    @Test func resetForgetsThePartialFrameAndTheExpectation() {
        var decoder = DeviceStreamDecoder()
        #expect(decoder.events(from: Self.frames([5])).count == 1)
        let next = Self.frames([6])
        var partial = next[..<10]
        #expect(decoder.decode(&partial) == nil)
        #expect(decoder.bufferedByteCount == 10)
        decoder.reset()
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.counters.bytesDiscarded == 10)
        // The expectation is gone: 100 after 5 is no gap.
        #expect(decoder.events(from: Self.frames([100])) == [.message(Self.status, sequence: 100)])
        #expect(decoder.counters.framesDecoded == 2)
        #expect(decoder.counters.bytesReceived == 10 + 2 * next.count)
    }

    @Test func aPendingMessageSurvivesReset() {
        var decoder = DeviceStreamDecoder()
        var input = (Self.frames([0]) + Self.frames([3]))[...]
        #expect(decoder.decode(&input) == .message(Self.status, sequence: 0))
        #expect(decoder.decode(&input) == .sequenceGap(expected: 1, received: 3, lostFrames: 2))
        decoder.reset()
        #expect(decoder.decode(&input) == .message(Self.status, sequence: 3))
        #expect(decoder.decode(&input) == nil)
    }

    @Test func theEncoderNumbersFramesAndWraps() {
        var encoder = FrameEncoder(firstSequence: 65534)
        var stream: [UInt8] = []
        for _ in 0..<4 { encoder.encode(Self.status, into: &stream) }
        #expect(encoder.nextSequence == 2)
        #expect(DeviceStreamDecoder.events(from: stream) == [65534, 65535, 0, 1].map { .message(Self.status, sequence: $0) })
    }
}
