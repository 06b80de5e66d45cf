import LipTwitchProtocol

/// One event the decoder made of a read: where it lies in host time, and the decoder's
/// counts just after it (what a counters record written at that event shows).
public struct DecodedEvent: Sendable {
    public var event: DecoderEvent<DeviceMessage>
    public var placement: EventPlacement
    public var counters: DecoderCounters

    public init(_ event: DecoderEvent<DeviceMessage>, placement: EventPlacement = .untimed, counters: DecoderCounters) {
        self.event = event
        self.placement = placement
        self.counters = counters
    }
}
