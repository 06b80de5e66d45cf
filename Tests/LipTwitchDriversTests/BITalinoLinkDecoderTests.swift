import LipTwitchDrivers
import LipTwitchProtocol
import Testing

/// `BITalinoLinkDecoder`: the BITalino's frames and version answer in the link's words.
@Suite struct BITalinoLinkDecoderTests {
    static let version = Array("BITalino_v5.1\n".utf8)

    static func events(_ bytes: [UInt8], _ decoder: inout BITalinoLinkDecoder) -> [DecoderEvent<DeviceMessage>] {
        var events: [DecoderEvent<DeviceMessage>] = []
        var input = bytes[...]
        while let event = decoder.decode(&input) { events.append(event) }
        return events
    }

    static func batches(_ events: [DecoderEvent<DeviceMessage>]) -> [SampleBatch] {
        events.compactMap { if case .message(.samples(let batch), _) = $0 { batch } else { nil } }
    }

    @Test func theVersionAnswerIsTheBoardsIdentity() throws {
        var decoder = BITalinoLinkDecoder(settings: BITalinoSettings(lipChannel: 4, placement: .upperRight))
        let events = Self.events(Self.version, &decoder)
        guard case .message(.identity(let identity), _) = try #require(events.first) else {
            Issue.record("no identity in \(events)")
            return
        }
        #expect(events.count == 1)
        #expect(identity.sampleRateHz == 1000 && identity.sensorKind == .emg && identity.sampleFormat == .int16)
        // EMG(V) = (ADC / 2^10 - 1/2) × 3.3 V / 1009: 3.194 µV per code.
        #expect(identity.channels == [ChannelDescriptor(placement: .upperRight, axis: .none, scale: Float(3.3 / 1009 / 1024 * 1e6))])
        #expect(identity.firmware == FirmwareVersion(major: 5, minor: 1, patch: 0))
    }

    @Test func theFirstFrameAcknowledgesStartAndEveryFrameIsABatchCentredOnHalfScale() {
        var decoder = BITalinoLinkDecoder(settings: BITalinoSettings())
        _ = Self.events(Self.version, &decoder)
        let bytes = BITalinoFrames.frame([512], sequence: 0) + BITalinoFrames.frame([700], sequence: 1)
            + BITalinoFrames.frame([100], sequence: 2)
        let events = Self.events(bytes, &decoder)
        #expect(events.first == .message(.ack(CommandAck(commandType: MessageType.start.rawValue, commandSequence: 0)), sequence: 0))
        let batches = Self.batches(events)
        #expect(batches.map(\.values) == [[0], [188], [-412]])
        #expect(batches.map(\.firstSampleIndex) == [0, 1, 2])
        #expect(batches.map(\.timestampMicros) == [0, 1000, 2000], "one sample every millisecond of the board's time")
    }

    @Test func aJumpOfTheSequenceIsAGapAndItsSampleIndicesAreSkipped() {
        var decoder = BITalinoLinkDecoder(settings: BITalinoSettings())
        let events = Self.events(BITalinoFrames.frames(2, from: 14) + BITalinoFrames.frames(2, from: 2), &decoder)
        #expect(events.contains(.sequenceGap(expected: 0, received: 2, lostFrames: 2)), "the number wraps at 16")
        #expect(Self.batches(events).map(\.firstSampleIndex) == [0, 1, 4, 5])
        #expect(decoder.counters.lostFrames == 2 && decoder.counters.sequenceGaps == 1)
    }

    @Test func anAnswerWhileFramesFlowIsABoardThatResetAndTheExtremesSaturate() {
        var decoder = BITalinoLinkDecoder(settings: BITalinoSettings())
        let bytes = BITalinoFrames.frame([1023], sequence: 0) + BITalinoFrames.frame([0], sequence: 1) + Self.version
            + BITalinoFrames.frames(2)
        let events = Self.events(bytes, &decoder)
        let kinds = events.map { event -> String in
            switch event {
            case .sequenceReset: "reset"
            case .message(.identity, _): "identity"
            case .message(.ack, _): "ack"
            case .message(.samples, _): "samples"
            default: "other"
            }
        }
        #expect(kinds == ["ack", "samples", "samples", "reset", "identity", "ack", "samples", "samples"])
        #expect(Self.batches(events).prefix(2).allSatisfy { $0.flags == .saturation })
        #expect(Self.batches(events).last?.flags == [])
        #expect(decoder.counters.sequenceResets == 1)
    }

    @Test func aPartialFrameIsHeldAndCanBeDropped() {
        var decoder = BITalinoLinkDecoder(settings: BITalinoSettings())
        let frames = BITalinoFrames.frames(2)
        #expect(Self.events(Array(frames.prefix(4)), &decoder).isEmpty)
        #expect(decoder.bufferedByteCount == 4)
        decoder.dropPartialFrame()
        #expect(decoder.bufferedByteCount == 0 && decoder.counters.bytesDiscarded == 4)
    }
}
