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
    private static let sampleMicros: UInt32 = 4000
    private let settings: CytonSettings
    private var wire = CytonStreamDecoder()
    /// Events made of one wire event, handed out one at a time.
    private var pending: [DecoderEvent<DeviceMessage>] = []
    /// Packets came since the last reply (or the start).
    private var streaming = false
    private var nextSampleIndex: UInt32 = 0
    private var lostBeforeNextPacket = 0
    private var sequenceResets = 0

    public init(settings: CytonSettings) {
        self.settings = settings
    }

    public var counters: DecoderCounters {
        let wireCounters = wire.counters
        var counters = DecoderCounters()
        counters.bytesReceived = wireCounters.bytesReceived
        counters.bytesDiscarded = wireCounters.bytesDiscarded
        counters.framesDecoded = wireCounters.packets + wireCounters.replies
        counters.resyncs = wireCounters.resyncs
        counters.sequenceGaps = wireCounters.sampleGaps
        counters.lostFrames = wireCounters.lostSamples
        counters.sequenceResets = sequenceResets
        return counters
    }

    public var bufferedByteCount: Int { wire.bufferedByteCount }

    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> DecoderEvent<DeviceMessage>? {
        while pending.isEmpty {
            guard let event = wire.decode(&input) else { return nil }
            translate(event)
        }
        return pending.removeFirst()
    }

    public mutating func reset() {
        wire.reset()
        pending.removeAll()
        streaming = false
        lostBeforeNextPacket = 0
    }

    public mutating func dropPartialFrame() {
        wire.dropPartialFrame()
    }

    private mutating func translate(_ event: CytonEvent) {
        switch event {
        case .samplesLost(let count):
            lostBeforeNextPacket = count
        case .packet(let packet):
            take(packet)
        case .reply(.banner(let firmware, _)):
            if streaming {
                sequenceResets += 1
                pending.append(.sequenceReset(expected: UInt16(truncatingIfNeeded: nextSampleIndex), received: 0))
            }
            streaming = false
            pending.append(.message(.identity(identity(firmware: firmware)), sequence: 0))
        case .reply(.failure):
            streaming = false
            pending.append(
                .message(
                    .error(CommandError(commandType: MessageType.identify.rawValue, commandSequence: 0, code: .internal)),
                    sequence: 0))
        case .reply(.defaultsRestored), .reply(.channelSet), .reply(.other):
            streaming = false
        }
    }

    private mutating func take(_ packet: CytonPacket) {
        let sequence = UInt16(packet.sampleNumber)
        if !streaming {
            streaming = true
            nextSampleIndex = 0
            lostBeforeNextPacket = 0
            pending.append(
                .message(.ack(CommandAck(commandType: MessageType.start.rawValue, commandSequence: 0)), sequence: sequence))
        } else if lostBeforeNextPacket > 0 {
            pending.append(
                .sequenceGap(
                    expected: UInt16(packet.sampleNumber &- UInt8(truncatingIfNeeded: lostBeforeNextPacket)),
                    received: sequence, lostFrames: lostBeforeNextPacket))
            nextSampleIndex &+= UInt32(lostBeforeNextPacket)
            lostBeforeNextPacket = 0
        }
        let value = packet.channels[settings.lipChannel - 1]
        let saturated = value == SampleFormat.int24.valueRange.lowerBound || value == SampleFormat.int24.valueRange.upperBound
        let batch = SampleBatch(
            firstSampleIndex: nextSampleIndex, timestampMicros: nextSampleIndex &* Self.sampleMicros, sampleCount: 1,
            channelCount: 1, format: .int24, flags: saturated ? .saturation : [], values: [value])
        nextSampleIndex &+= 1
        pending.append(.message(.samples(batch), sequence: sequence))
    }

    /// The banner as an IDENTITY: what the link and the pipeline need to know of the board.
    private func identity(firmware: String?) -> DeviceIdentity {
        DeviceIdentity(
            sensorKind: .emg, sampleRateHz: CytonDriver.sampleRateHz, sampleFormat: .int24, maxBatch: 1,
            serialNumber: "OpenBCI-Cyton", firmware: Self.version(of: firmware), hardwareRevision: 0,
            channels: [
                ChannelDescriptor(
                    placement: settings.placement, axis: .none,
                    scale: Float(CytonScale.microvoltsPerCount(gain: CytonScale.defaultGain)))
            ])
    }

    /// "v3.1.2" as 3.1.2; 0.0.0 when the banner has no version (firmware before v2).
    static func version(of firmware: String?) -> FirmwareVersion {
        let numbers = (firmware ?? "").drop { !$0.isNumber }.split(separator: ".").map { UInt8($0.prefix { $0.isNumber }) ?? 0 }
        guard numbers.count == 3 else { return FirmwareVersion(major: 0, minor: 0, patch: 0) }
        return FirmwareVersion(major: numbers[0], minor: numbers[1], patch: numbers[2])
    }
}
