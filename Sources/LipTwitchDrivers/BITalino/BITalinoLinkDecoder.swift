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
    private let settings: BITalinoSettings
    private var core = BoardLinkCore(wire: BITalinoStreamDecoder(channelCount: 1), sampleMicros: 1000)

    public init(settings: BITalinoSettings) {
        self.settings = settings
    }

    public var counters: DecoderCounters {
        var counters = core.wire.counters
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

    private static func translate(_ event: BITalinoEvent, settings: BITalinoSettings, into stream: inout SampleFrameStream) {
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
            stream.append(.identity(identity(version: text, settings: settings)))
        }
    }

    /// The version answer as an IDENTITY: what the link and the pipeline need to know of the board.
    private static func identity(version: String, settings: BITalinoSettings) -> DeviceIdentity {
        DeviceIdentity(
            sensorKind: .emg, sampleRateHz: BITalinoDriver.sampleRateHz, sampleFormat: .int16, maxBatch: 1,
            serialNumber: "BITalino", firmware: FirmwareVersion(text: version), hardwareRevision: 0,
            channels: [
                ChannelDescriptor(
                    placement: settings.placement, axis: .none, scale: Float(BITalinoScale.microvoltsPerEMGCode))
            ])
    }
}
