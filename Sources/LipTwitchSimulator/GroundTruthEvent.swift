import LipTwitchProtocol

/// A twitch the simulator put into a channel, and exactly when: what a detector's output
/// is checked against.
public struct GroundTruthEvent: Sendable, Equatable {
    public var channel: Int
    public var placement: Placement
    /// Which stream it fell in: 1 for the samples after the first START, 2 after the
    /// second, ...
    public var stream: Int
    /// The onset's sample index within that stream (PROTOCOL.md section 3.3).
    public var sampleIndex: UInt32
    /// The onset's device time, µs, unwrapped (the wire carries it modulo 2^32).
    public var deviceMicros: UInt64
    public var twitch: SimulatedTwitch

    public init(
        channel: Int, placement: Placement, stream: Int, sampleIndex: UInt32, deviceMicros: UInt64,
        twitch: SimulatedTwitch
    ) {
        self.channel = channel
        self.placement = placement
        self.stream = stream
        self.sampleIndex = sampleIndex
        self.deviceMicros = deviceMicros
        self.twitch = twitch
    }
}
