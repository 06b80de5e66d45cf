import LipTwitchProtocol

/// What a link decoder does with the frames of a board that sends one sample per frame and
/// numbers its frames (the OpenBCI Cyton, the BITalino): the first frame after a reply (or
/// afresh) is the acknowledgement of START, every frame a batch of one sample whose index
/// counts from that first frame (lost frames included) and whose device time is index ×
/// the sample period, a jump of the frame number a sequence gap of the frames lost, and a
/// board that answers again while frames flow a board that reset.
struct SampleFrameStream: Sendable {
    /// The board's sample period, µs.
    let sampleMicros: UInt32
    /// Frames came since the last reply (or the start).
    private(set) var isStreaming = false
    private var nextSampleIndex: UInt32 = 0
    /// Times the board answered while frames flowed.
    private(set) var sequenceResets = 0

    init(sampleMicros: UInt32) {
        self.sampleMicros = sampleMicros
    }

    /// One frame numbered `sequence` carrying `value`, `lost` frames after the one before
    /// it (their numbers ending just before `sequence`, modulo `sequenceModulus`).
    mutating func frame(
        value: Int32, format: SampleFormat, saturated: Bool, sequence: UInt16, lost: Int, sequenceModulus: Int,
        into events: inout [DecoderEvent<DeviceMessage>]
    ) {
        if !isStreaming {
            isStreaming = true
            nextSampleIndex = 0
            events.append(
                .message(.ack(CommandAck(commandType: MessageType.start.rawValue, commandSequence: 0)), sequence: sequence))
        } else if lost > 0 {
            let expected = (Int(sequence) - lost % sequenceModulus + sequenceModulus) % sequenceModulus
            events.append(.sequenceGap(expected: UInt16(expected), received: sequence, lostFrames: lost))
            nextSampleIndex &+= UInt32(lost)
        }
        let batch = SampleBatch(
            firstSampleIndex: nextSampleIndex, timestampMicros: nextSampleIndex &* sampleMicros, sampleCount: 1,
            channelCount: 1, format: format, flags: saturated ? .saturation : [], values: [value])
        nextSampleIndex &+= 1
        events.append(.message(.samples(batch), sequence: sequence))
    }

    /// The board answered (its identity, a refusal, any reply): the frames that follow
    /// begin a new stream. When frames were flowing, the board reset: a sequence reset
    /// comes first, when `announcingReset`.
    mutating func replied(announcingReset: Bool, into events: inout [DecoderEvent<DeviceMessage>]) {
        if isStreaming, announcingReset {
            sequenceResets += 1
            events.append(.sequenceReset(expected: UInt16(truncatingIfNeeded: nextSampleIndex), received: 0))
        }
        isStreaming = false
    }
}
