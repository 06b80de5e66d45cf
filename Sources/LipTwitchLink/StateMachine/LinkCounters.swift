/// What has happened to a link since it was made, every count cumulative: the figures of a
/// link-health report, beside the decoder's byte-level counters.
public struct LinkCounters: Sendable, Equatable {
    /// Ports opened.
    public var opens = 0
    /// Attempts to open the port that failed (every retry counts).
    public var openFailures = 0
    /// Handshakes that ended in streaming.
    public var streamsStarted = 0
    /// Streams started after the first: recoveries from a stall, an unplug or a failure.
    public var reconnects = 0
    /// Handshakes given up: no answer, refused commands, no samples.
    public var handshakeFailures = 0
    public var stalls = 0
    /// Times the sensor vanished from an open port (hang-up, I/O error, removal).
    public var disconnects = 0
    /// Times the sensor's frame counter went backwards while streaming: it restarted.
    public var deviceRestarts = 0
    public var pingsSent = 0
    public var pongsReceived = 0

    public init() {}
}
