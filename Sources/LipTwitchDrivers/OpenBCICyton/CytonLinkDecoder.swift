import LipTwitchProtocol

/// The Cyton's bytes in the link's words: `CytonStreamDecoder` finds packets and replies,
/// and this says what they mean to a link speaking the LipTwitch protocol.
///
/// - The reset banner is the board's IDENTITY: one EMG channel (the lip's, `settings`) of
///   24-bit counts at 250 Hz, scaled at the reset's gain of 24. A banner while packets flow
///   is a board that reset by itself: a sequence reset comes first.
/// - A `Failure:` reply (the dongle, when the board does not answer it) is an ERROR.
/// - The first packet after a reply (or afresh) is the acknowledgement of START, then its
///   samples; every packet is a batch of one sample whose index counts from that first
///   packet (lost samples included) and whose device time is index × 4 ms.
/// - A jump of the sample number is a sequence gap of that many samples.
public struct CytonLinkDecoder: DeviceDecoding {
    private let settings: CytonSettings
    private var core = BoardLinkCore(wire: CytonStreamDecoder(), sampleMicros: 4000)

    public init(settings: CytonSettings) {
        self.settings = settings
    }

    public var counters: DecoderCounters {
        let wireCounters = core.wire.counters
        var counters = DecoderCounters()
        counters.bytesReceived = wireCounters.bytesReceived
        counters.bytesDiscarded = wireCounters.bytesDiscarded
        counters.framesDecoded = wireCounters.packets + wireCounters.replies
        counters.resyncs = wireCounters.resyncs
        counters.sequenceGaps = wireCounters.sampleGaps
        counters.lostFrames = wireCounters.lostSamples
        counters.sequenceResets = core.stream.sequenceResets
        return counters
    }

    public var bufferedByteCount: Int { core.bufferedByteCount }

    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> DecoderEvent<DeviceMessage>? {
        let settings = settings
        return core.decode(&input) { event, stream in Self.translate(event, settings: settings, into: &stream) }
    }

    public mutating func reset() { core.reset() }

    public mutating func dropPartialFrame() { core.dropPartialFrame() }

    private static func translate(_ event: CytonEvent, settings: CytonSettings, into stream: inout SampleFrameStream) {
        switch event {
        case .samplesLost(let count):
            stream.lost(count)
        case .packet(let packet):
            let value = packet.channels[settings.lipChannel - 1]
            let range = SampleFormat.int24.valueRange
            stream.frame(
                value: value, format: .int24, saturated: value == range.lowerBound || value == range.upperBound,
                sequence: UInt16(packet.sampleNumber), sequenceModulus: 256)
        case .reply(.banner(let firmware, _)):
            stream.replied(announcingReset: true)
            stream.append(.identity(identity(firmware: firmware, settings: settings)))
        case .reply(.failure):
            stream.replied(announcingReset: false)
            stream.append(.error(CommandError(commandType: MessageType.identify.rawValue, commandSequence: 0, code: .internal)))
        case .reply(.defaultsRestored), .reply(.channelSet), .reply(.other):
            stream.replied(announcingReset: false)
        }
    }

    /// The banner as an IDENTITY: what the link and the pipeline need to know of the board.
    private static func identity(firmware: String?, settings: CytonSettings) -> DeviceIdentity {
        DeviceIdentity(
            sensorKind: .emg, sampleRateHz: CytonDriver.sampleRateHz, sampleFormat: .int24, maxBatch: 1,
            serialNumber: "OpenBCI-Cyton", firmware: FirmwareVersion(text: firmware), hardwareRevision: 0,
            channels: [
                ChannelDescriptor(
                    placement: settings.placement, axis: .none,
                    scale: Float(CytonScale.microvoltsPerCount(gain: CytonScale.defaultGain)))
            ])
    }
}
