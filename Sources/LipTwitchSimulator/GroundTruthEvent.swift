import LipTwitchProtocol
import LipTwitchSignals

/// Something that really happened in the simulated signal (a twitch, talking, a lead-off,
/// ...), and exactly when on the device's clock: what a detector's output is checked
/// against.
public struct GroundTruthEvent: Sendable, Equatable {
    /// The generator's truth; its sample indices count from the stream's first sample.
    public var event: TruthEvent
    /// Where the event's channel sits; nil when it involves every channel.
    public var placement: Placement?
    /// Which stream it fell in: 1 for the samples after the first START, 2 after the
    /// second, ...
    public var stream: Int
    /// The onset's device time, µs, unwrapped (the wire carries it modulo 2^32).
    public var deviceMicros: UInt64
    /// The device time of the last sample the event touches, µs, unwrapped.
    public var endDeviceMicros: UInt64

    public init(
        event: TruthEvent, placement: Placement?, stream: Int, deviceMicros: UInt64, endDeviceMicros: UInt64
    ) {
        self.event = event
        self.placement = placement
        self.stream = stream
        self.deviceMicros = deviceMicros
        self.endDeviceMicros = endDeviceMicros
    }

    /// The onset's sample index within its stream (PROTOCOL.md section 3.3).
    public var sampleIndex: UInt32 { UInt32(truncatingIfNeeded: event.onsetSample) }
}
