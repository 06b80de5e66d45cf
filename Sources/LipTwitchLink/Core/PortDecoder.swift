import LipTwitchProtocol

/// The one decoder of what a sensor sends: every byte read from its port goes through it
/// exactly once, and what it makes of them goes to the link's state machine and to the
/// pipeline alike.
///
/// It follows the port and the times of its reads, never the link's decisions: it starts
/// afresh when the port opens, decodes every byte of every read in between, and forgets a
/// partial frame when the line was quiet for `staleFrameAfter` before the next read (a
/// sensor sends a frame in one go, so its tail is not coming: the link flushed it, the
/// line rate was wrong, or the sensor restarted; the rule is Modbus RTU's silent
/// interval). The link's flushes and timers never touch it, so a capture replayed today
/// decodes exactly as the live run did, whatever the replayed link's timers decide.
public struct PortDecoder: Sendable {
    /// Longer than any pause inside one frame (a USB serial adapter's latency timer is at
    /// most 16 ms), shorter than any handshake timeout.
    public static let staleFrameAfter: Duration = .milliseconds(100)
    private var decoder = DeviceStreamDecoder()
    private var lastReadTime: HostTime?

    public init() {}

    /// Every count since init (an open keeps them).
    public var counters: DecoderCounters { decoder.counters }

    /// The port opened: a partial frame left from before is forgotten (its bytes count as
    /// discarded), and the next frame sets the sequence expectation.
    public mutating func opened() {
        decoder.reset()
    }

    /// Decodes the bytes of one read that returned at `time`.
    public mutating func decode(_ bytes: [UInt8], at time: HostTime) -> DecodedRead {
        if let lastReadTime, time - lastReadTime >= Self.staleFrameAfter { decoder.dropPartialFrame() }
        lastReadTime = time
        var events: [DecodedEvent] = []
        var input = bytes[...]
        while let event = decoder.decode(&input) {
            events.append(DecodedEvent(event, counters: decoder.counters))
        }
        return DecodedRead(events: events, counters: decoder.counters, time: time)
    }

    /// Follows one activity of the port: an open starts afresh, a read is decoded. Returns
    /// what a read said (nil for the other activities).
    public mutating func follow(_ activity: PortActivity, at time: HostTime) -> DecodedRead? {
        switch activity {
        case .opened:
            opened()
            return nil
        case .read(let bytes):
            return decode(bytes, at: time)
        case .hungUp, .closed:
            return nil
        }
    }
}
