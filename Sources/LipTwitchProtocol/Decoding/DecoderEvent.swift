/// What a `MessageStreamDecoder` reports, one at a time, in stream order.
public enum DecoderEvent<Message: WireMessage>: Sendable, Equatable {
    /// An intact, well-formed message and the sequence number of its frame.
    case message(Message, sequence: UInt16)
    /// A candidate was dropped or an intact frame skipped, and why.
    case frameError(FrameError)
    /// Frames were lost before this one (PROTOCOL.md section 3.1): `received` came where
    /// `expected` was due. Reported just before the event of the frame that revealed it.
    case sequenceGap(expected: UInt16, received: UInt16, lostFrames: Int)
    /// The sequence went backwards: the sender restarted. Reported just before the event
    /// of the frame that revealed it.
    case sequenceReset(expected: UInt16, received: UInt16)
}
