import LipTwitchProtocol

/// One event the decoder made of a read, with the decoder's counts just after it: what a
/// counters record written at that event shows.
public struct DecodedEvent: Sendable {
    public var event: DecoderEvent<DeviceMessage>
    public var counters: DecoderCounters

    public init(_ event: DecoderEvent<DeviceMessage>, counters: DecoderCounters) {
        self.event = event
        self.counters = counters
    }
}
