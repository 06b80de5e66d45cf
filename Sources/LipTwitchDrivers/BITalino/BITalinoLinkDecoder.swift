import LipTwitchProtocol

/// The BITalino's bytes in the link's words: `BITalinoStreamDecoder` finds frames of the
/// one input acquired and the version answer, and this says what they mean to a link
/// speaking the LipTwitch protocol.
///
/// - The version answer is the board's IDENTITY: one EMG channel (the lip's, `settings`)
///   at 1000 Hz, its codes centred on half scale (−512 to 511) and scaled by the EMG
///   sensor's transfer function. An answer while frames flow is a board that reset.
/// - The first frame after the answer (or afresh) is the acknowledgement of START, then
///   its sample; every frame is a batch of one sample whose index counts lost frames and
///   whose device time is index × 1 ms. A code of 0 or 1023 is a saturated sample.
/// - A jump of the 4-bit sequence number is a sequence gap of that many frames.
public struct BITalinoLinkDecoder: DeviceDecoding {
    private static let sampleMicros: UInt32 = 1000
    private let settings: BITalinoSettings
    private var wire = BITalinoStreamDecoder(channelCount: 1)
    private var stream = SampleFrameStream(sampleMicros: BITalinoLinkDecoder.sampleMicros)

    public init(settings: BITalinoSettings) {
        self.settings = settings
    }

    public var counters: DecoderCounters {
        var counters = wire.counters
        counters.sequenceResets = stream.sequenceResets
        return counters
    }

    public var bufferedByteCount: Int { wire.bufferedByteCount }

    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> DecoderEvent<DeviceMessage>? {
        while !stream.hasPending {
            guard let event = wire.decode(&input) else { return nil }
            translate(event)
        }
        return stream.next()
    }

    public mutating func reset() {
        wire.reset()
        stream.restart()
    }

    public mutating func dropPartialFrame() {
        wire.dropPartialFrame()
    }

    private mutating func translate(_ event: BITalinoEvent) {
        switch event {
        case .framesLost(let count):
            stream.lost(count)
        case .frame(let frame):
            let code = frame.analog[0]
            stream.frame(
                value: Int32(code - BITalinoScale.emgZeroCode), format: .int16,
                saturated: code == 0 || code == BITalinoScale.codes - 1, sequence: UInt16(frame.sequence),
                sequenceModulus: 16)
        case .version(let text):
            stream.replied(announcingReset: true)
            stream.append(.identity(identity(version: text)))
        }
    }

    /// The version answer as an IDENTITY: what the link and the pipeline need to know of the board.
    private func identity(version: String) -> DeviceIdentity {
        DeviceIdentity(
            sensorKind: .emg, sampleRateHz: BITalinoDriver.sampleRateHz, sampleFormat: .int16, maxBatch: 1,
            serialNumber: "BITalino", firmware: FirmwareVersion(text: version), hardwareRevision: 0,
            channels: [
                ChannelDescriptor(
                    placement: settings.placement, axis: .none, scale: Float(BITalinoScale.microvoltsPerEMGCode))
            ])
    }
}
