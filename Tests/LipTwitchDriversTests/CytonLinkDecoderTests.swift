@testable import LipTwitchDrivers
import LipTwitchProtocol
import Testing

/// `CytonLinkDecoder`: the Cyton's packets and replies in the link's words.
@Suite struct CytonLinkDecoderTests {
    static let banner = Array("OpenBCI V3 8-16 channel\nOn Board ADS1299 Device ID: 0x3E\nFirmware: v3.1.2\n$$$".utf8)

    static func events(_ bytes: [UInt8], _ decoder: inout CytonLinkDecoder) -> [DecoderEvent<DeviceMessage>] {
        var events: [DecoderEvent<DeviceMessage>] = []
        var input = bytes[...]
        while let event = decoder.decode(&input) { events.append(event) }
        return events
    }

    static func packet(_ number: UInt8, lip: Int32 = 0, on channel: Int = 1) -> [UInt8] {
        var values = [Int32](repeating: 0, count: 8)
        values[channel - 1] = lip
        return CytonStreamDecoderTests.packet(number, values)
    }

    /// The batches among `events`.
    static func batches(_ events: [DecoderEvent<DeviceMessage>]) -> [SampleBatch] {
        events.compactMap { if case .message(.samples(let batch), _) = $0 { batch } else { nil } }
    }

    @Test func theBannerIsTheBoardsIdentity() throws {
        var decoder = CytonLinkDecoder(settings: CytonSettings(lipChannel: 2, placement: .lowerLeft))
        let events = Self.events(Self.banner, &decoder)
        guard case .message(.identity(let identity), _) = try #require(events.first) else {
            Issue.record("no identity in \(events)")
            return
        }
        #expect(events.count == 1)
        #expect(identity.sampleRateHz == 250 && identity.sensorKind == .emg && identity.sampleFormat == .int24)
        #expect(identity.channels == [ChannelDescriptor(placement: .lowerLeft, axis: .none, scale: Float(4.5 / 24 / 8_388_607 * 1e6))])
        #expect(identity.firmware == FirmwareVersion(major: 3, minor: 1, patch: 2))
    }

    @Test func theFirstPacketAcknowledgesStartAndEveryPacketIsABatchOfTheLipChannel() {
        var decoder = CytonLinkDecoder(settings: CytonSettings(lipChannel: 4))
        _ = Self.events(Self.banner, &decoder)
        let events = Self.events(Self.packet(0, lip: 1234, on: 4) + Self.packet(1, lip: -5, on: 4), &decoder)
        #expect(events.first == .message(.ack(CommandAck(commandType: MessageType.start.rawValue, commandSequence: 0)), sequence: 0))
        let batches = Self.batches(events)
        #expect(batches.map(\.values) == [[1234], [-5]])
        #expect(batches.map(\.firstSampleIndex) == [0, 1])
        #expect(batches.map(\.timestampMicros) == [0, 4000], "one sample every 4 ms of the board's time")
    }

    @Test func aLostPacketIsASequenceGapAndItsSampleIndexIsSkipped() {
        var decoder = CytonLinkDecoder(settings: CytonSettings())
        let events = Self.events(Self.packet(254) + Self.packet(255) + Self.packet(2), &decoder)
        #expect(events.contains(.sequenceGap(expected: 0, received: 2, lostFrames: 2)), "the number wraps at 255")
        #expect(Self.batches(events).map(\.firstSampleIndex) == [0, 1, 4])
        #expect(decoder.counters.lostFrames == 2 && decoder.counters.sequenceGaps == 1)
    }

    @Test func aBannerWhilePacketsFlowIsABoardThatReset() {
        var decoder = CytonLinkDecoder(settings: CytonSettings())
        let events = Self.events(Self.packet(0) + Self.packet(1) + Self.banner + Self.packet(0), &decoder)
        let kinds = events.map { event -> String in
            switch event {
            case .sequenceReset: "reset"
            case .message(.identity, _): "identity"
            case .message(.ack, _): "ack"
            case .message(.samples, _): "samples"
            default: "other"
            }
        }
        #expect(kinds == ["ack", "samples", "samples", "reset", "identity", "ack", "samples"])
        #expect(decoder.counters.sequenceResets == 1)
    }

    @Test func theDonglesFailureIsAnErrorAndASaturatedSampleIsFlagged() {
        var decoder = CytonLinkDecoder(settings: CytonSettings())
        let failure = Self.events(Array("Failure: Communications timeout - Device failed to poll Host$$$".utf8), &decoder)
        guard case .message(.error(let error), _)? = failure.first else {
            Issue.record("no error in \(failure)")
            return
        }
        #expect(error.commandType == MessageType.identify.rawValue)
        let batches = Self.batches(Self.events(Self.packet(0, lip: 8_388_607), &decoder))
        #expect(batches.first?.flags == .saturation)
    }

    @Test func aPartialPacketIsHeldAndCanBeDropped() {
        var decoder = CytonLinkDecoder(settings: CytonSettings())
        let packet = Self.packet(0)
        #expect(Self.events(Array(packet.prefix(20)), &decoder).isEmpty)
        #expect(decoder.bufferedByteCount == 20)
        #expect(decoder.completesPartialFrame(with: Array(packet.dropFirst(20))))
        decoder.dropPartialFrame()
        #expect(decoder.bufferedByteCount == 0 && decoder.counters.bytesDiscarded == 20)
    }

    @Test func theFirmwareVersionIsReadFromTheBanner() {
        #expect(FirmwareVersion(text: "v3.1.2") == FirmwareVersion(major: 3, minor: 1, patch: 2))
        #expect(FirmwareVersion(text: "v2.0.0") == FirmwareVersion(major: 2, minor: 0, patch: 0))
        #expect(FirmwareVersion(text: nil) == FirmwareVersion(major: 0, minor: 0, patch: 0))
        #expect(FirmwareVersion(text: "BITalino_v5.1") == FirmwareVersion(major: 5, minor: 1, patch: 0))
    }
}
