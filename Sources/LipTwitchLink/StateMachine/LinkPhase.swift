/// Where a link is, in one word: what a status line shows and what a link event moves to.
public enum LinkPhase: String, Sendable, CaseIterable {
    /// No sensor known: waiting for discovery to report one.
    case absent
    /// Opening the port.
    case opening
    /// The port is open; stopping, identifying and starting the sensor (PROTOCOL.md section 8).
    case handshaking
    /// Samples are flowing.
    case streaming
    /// The stream went silent; the link is shaking hands again on the open port.
    case stalled
    /// The sensor went away or did not answer; the port is closed and the link retries
    /// after a backoff.
    case gone
    /// The sensor cannot be used by this LipTwitch (a newer protocol, a rate it refuses):
    /// no retry until it is plugged in again.
    case incompatible
    /// Telling the sensor to stop before closing the port.
    case stopping
    /// Finished: the port is closed and the link does nothing more.
    case stopped
}
