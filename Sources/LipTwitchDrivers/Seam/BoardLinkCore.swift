import LipTwitchProtocol

/// What the link decoders of the boards that send one sample per frame share: the board's
/// wire decoder feeding a `SampleFrameStream`, through the board's own translation of each
/// wire event, until the stream has an event to hand out.
struct BoardLinkCore<Wire: BoardWireDecoding>: Sendable {
    private(set) var wire: Wire
    private(set) var stream: SampleFrameStream

    init(wire: Wire, sampleMicros: UInt32) {
        self.wire = wire
        stream = SampleFrameStream(sampleMicros: sampleMicros)
    }

    /// `DeviceDecoding.decode`, with `translate` putting each wire event into the stream.
    mutating func decode(
        _ input: inout ArraySlice<UInt8>, translate: (Wire.Event, inout SampleFrameStream) -> Void
    ) -> DecoderEvent<DeviceMessage>? {
        while !stream.hasPending {
            guard let event = wire.decode(&input) else { return nil }
            translate(event, &stream)
        }
        return stream.next()
    }

    var bufferedByteCount: Int { wire.bufferedByteCount }

    /// A new connection: the wire's partial frame goes, and the stream starts afresh.
    mutating func reset() {
        wire.reset()
        stream.restart()
    }

    mutating func dropPartialFrame() {
        wire.dropPartialFrame()
    }
}
