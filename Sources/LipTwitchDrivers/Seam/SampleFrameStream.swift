import LipTwitchProtocol

/// What a link decoder does with the frames of a board that sends one sample per frame and
/// numbers its frames (the OpenBCI Cyton, the BITalino): the first frame after a reply (or
/// afresh) is the acknowledgement of START, every frame a batch of one sample whose index
/// counts from that first frame (lost frames included) and whose device time is index ×
/// the sample period, a jump of the frame number a sequence gap of the frames lost, and a
/// board that answers again while frames flow a board that reset. It holds the events made
/// of one wire event until the link decoder hands them out, one at a time.
struct SampleFrameStream: Sendable {
    /// The board's sample period, µs.
    let sampleMicros: UInt32
    /// Frames came since the last reply (or the start).
    private(set) var isStreaming = false
    private var nextSampleIndex: UInt32 = 0
    /// Times the board answered while frames flowed.
    private(set) var sequenceResets = 0
    /// Frames the wire decoder found missing before the next one.
    private var lostBeforeNextFrame = 0
    /// Events made of the last wire event, not yet handed out.
    private var pending: [DecoderEvent<DeviceMessage>] = []

    init(sampleMicros: UInt32) {
        self.sampleMicros = sampleMicros
    }

    /// Whether events wait to be handed out.
    var hasPending: Bool { !pending.isEmpty }

    /// The next event waiting, if any.
    mutating func next() -> DecoderEvent<DeviceMessage>? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    /// A message of the board's (its identity, a refusal) to hand out after what waits.
    mutating func append(_ message: DeviceMessage) {
        pending.append(.message(message, sequence: 0))
    }

    /// The wire decoder found `count` frames missing before the next one.
    mutating func lost(_ count: Int) {
        lostBeforeNextFrame = count
    }

    /// Afresh (a new connection): nothing waits, and the next frame begins a stream.
    mutating func restart() {
        pending.removeAll()
        lostBeforeNextFrame = 0
        replied(announcingReset: false)
    }

    /// One frame numbered `sequence` carrying `value`, after the frames `lost(_:)` reported
    /// (their numbers ending just before `sequence`, modulo `sequenceModulus`).
    mutating func frame(value: Int32, format: SampleFormat, saturated: Bool, sequence: UInt16, sequenceModulus: Int) {
        let lost = lostBeforeNextFrame
        lostBeforeNextFrame = 0
        if !isStreaming {
            isStreaming = true
            nextSampleIndex = 0
            pending.append(
                .message(.ack(CommandAck(commandType: MessageType.start.rawValue, commandSequence: 0)), sequence: sequence))
        } else if lost > 0 {
            let expected = (Int(sequence) - lost % sequenceModulus + sequenceModulus) % sequenceModulus
            pending.append(.sequenceGap(expected: UInt16(expected), received: sequence, lostFrames: lost))
            nextSampleIndex &+= UInt32(lost)
        }
        let batch = SampleBatch(
            firstSampleIndex: nextSampleIndex, timestampMicros: nextSampleIndex &* sampleMicros, sampleCount: 1,
            channelCount: 1, format: format, flags: saturated ? .saturation : [], values: [value])
        nextSampleIndex &+= 1
        pending.append(.message(.samples(batch), sequence: sequence))
    }

    /// The board answered (its identity, a refusal, any reply): the frames that follow
    /// begin a new stream. When frames were flowing, the board reset: a sequence reset
    /// comes first, when `announcingReset`.
    mutating func replied(announcingReset: Bool) {
        if isStreaming, announcingReset {
            sequenceResets += 1
            pending.append(.sequenceReset(expected: UInt16(truncatingIfNeeded: nextSampleIndex), received: 0))
        }
        isStreaming = false
    }
}
