import LipTwitchLink

/// A stream ended: what ended it, where its last sample lies, and what it held.
public struct StreamEnd: Sendable, Equatable {
    /// Why samples stopped flowing.
    public enum Reason: String, Sendable {
        /// The sensor acknowledged STOP (the host stopped it, or shakes hands again).
        case stopped
        /// The sensor described itself again, or acknowledged another START, before a STOP.
        case restarted
        /// The port hung up: the sensor was unplugged or went away.
        case disconnected
        /// The link closed the port.
        case closed
        /// The input ended (the end of a capture, or the pipeline was finished).
        case finished
    }

    public var number: Int
    public var reason: Reason
    /// Host time of the moment the pipeline learned it.
    public var at: HostTime
    /// Host time just after the stream's last sample (nil when no batch arrived).
    public var lastSampleEnd: HostTime?
    /// Samples per channel received in the stream.
    public var samples: UInt64

    public init(number: Int, reason: Reason, at: HostTime, lastSampleEnd: HostTime?, samples: UInt64) {
        self.number = number
        self.reason = reason
        self.at = at
        self.lastSampleEnd = lastSampleEnd
        self.samples = samples
    }
}
