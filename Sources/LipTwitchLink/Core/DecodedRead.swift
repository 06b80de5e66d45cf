import LipTwitchProtocol

/// What the bytes of one read said, decoded once for everyone downstream: every event in
/// order (frames, errors, sequence gaps and resets, whatever the link's phase), the
/// decoder's counts after the read, and the host time the read returned.
public struct DecodedRead: Sendable {
    public var events: [DecodedEvent]
    public var counters: DecoderCounters
    public var time: HostTime

    public init(events: [DecodedEvent], counters: DecoderCounters, time: HostTime) {
        self.events = events
        self.counters = counters
        self.time = time
    }
}
