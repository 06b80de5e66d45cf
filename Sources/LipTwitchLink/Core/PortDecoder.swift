import LipTwitchDrivers
import LipTwitchProtocol

/// The one decoder of what a sensor sends: every byte read from its port goes through it
/// exactly once, every batch of a stream is placed in host time by its one `DeviceClock`,
/// and what it makes of them goes to the link's state machine and to the pipeline alike.
///
/// What the batches mean comes from the bytes alone, as the sensor said it: a stream
/// begins at the acknowledgement of START (of the sensor the last IDENTITY described) and
/// ends at the acknowledgement of STOP, a new IDENTITY or START, or when the port opens,
/// hangs up or closes; a batch outside a stream, or of another shape than its stream's,
/// is stale.
///
/// It follows the port and the times of its reads, never the link's decisions: it starts
/// afresh when the port opens and decodes every byte of every read in between. After
/// `staleFrameAfter` without a read, a partial frame it holds is forgotten if the next
/// bytes do not complete it into a frame (its tail is not coming: the link flushed it, the
/// line rate was wrong, the sensor restarted), so that the next frame is not lost glued to
/// it; if they do complete it (the host, not the line, was slow), it is kept. The link's
/// flushes and timers never touch it, so a capture replayed today decodes exactly as the
/// live run did, whatever the replayed link's timers decide.
public struct PortDecoder: Sendable {
    /// Longer than any pause inside one frame on the line (a USB serial adapter's latency
    /// timer is at most 16 ms), shorter than any handshake timeout.
    public static let staleFrameAfter: Duration = .milliseconds(100)
    /// The driver's decoder: the board's bytes as the LipTwitch protocol's messages.
    private var decoder: any DeviceDecoding
    private var lastReadTime: HostTime?
    private var clock = DeviceClock()
    /// The sensor as its last IDENTITY described it.
    private var identity: DeviceIdentity?
    private var stream = Stream.none

    /// Where the bytes say the sensor's stream is.
    private enum Stream: Sendable {
        case none
        /// START was acknowledged: the next batch of this many channels begins the stream.
        case starting(channels: Int)
        case running(channels: Int)
    }

    public init(driver: SensorDriver = .liptwitch) {
        decoder = driver.table.makeDecoder()
    }

    /// The sensor clock's rate error against the host's, as estimated now.
    public var driftPartsPerMillion: Double { clock.driftPartsPerMillion }

    /// Every count since init (an open keeps them).
    public var counters: DecoderCounters { decoder.counters }

    /// The port opened: a partial frame left from before is forgotten (its bytes count as
    /// discarded), and the next frame sets the sequence expectation.
    public mutating func opened() {
        decoder.reset()
        clock.reset()
        stream = .none
    }

    /// Decodes the bytes of one read that returned at `time`.
    public mutating func decode(_ bytes: [UInt8], at time: HostTime) -> DecodedRead {
        if let lastReadTime, time - lastReadTime >= Self.staleFrameAfter, decoder.bufferedByteCount > 0,
            !decoder.completesPartialFrame(with: bytes)
        {
            decoder.dropPartialFrame()
        }
        lastReadTime = time
        var events: [DecodedEvent] = []
        var input = bytes[...]
        while let event = decoder.decode(&input) {
            events.append(DecodedEvent(event, placement: place(event, at: time), counters: decoder.counters))
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
            stream = .none
            return nil
        }
    }

    /// Follows the stream through one event and places it.
    private mutating func place(_ event: DecoderEvent<DeviceMessage>, at time: HostTime) -> EventPlacement {
        guard case .message(let message, _) = event else { return .untimed }
        switch message {
        case .identity(let described):
            identity = described
            stream = .none
        case .ack(let ack) where ack.commandType == MessageType.start.rawValue:
            stream = .none
            if let identity {
                clock.startStream(sampleRateHz: Int(identity.sampleRateHz))
                stream = .starting(channels: identity.channelCount)
            }
        case .ack(let ack) where ack.commandType == MessageType.stop.rawValue:
            stream = .none
        case .samples(let batch):
            let channels: Int
            switch stream {
            case .starting(let count), .running(let count): channels = count
            case .none: return .stale
            }
            guard channels == batch.channelCount else { return .stale }
            stream = .running(channels: channels)
            return .batch(clock.place(batch, receivedAt: time))
        case .marker(let marker):
            return .marker(clock.hostTime(ofDeviceMicros: marker.timestampMicros))
        case .ack, .status, .error, .pong:
            break
        }
        return .untimed
    }
}
