import LipTwitchLink

/// A stretch with no samples from a sensor, with its length: lost on the wire, dropped by
/// the sensor, or between two streams (a stall, an unplug). Reports use it to tell "no
/// twitches" from "not measured".
public struct PipelineGap: Sendable, Equatable {
    /// Why samples are missing.
    public enum Reason: String, Sendable {
        /// Frames were lost on the wire (the frame sequence number jumped).
        case sequenceGap = "sequence-gap"
        /// The sensor dropped samples (the sample index jumped with no frame lost).
        case overrun
        /// The stream ended and another began without an unplug: a stall or a restart.
        case linkStall = "link-stall"
        /// The sensor went away between the two streams.
        case disconnected
    }

    public var reason: Reason
    /// Host time of the first missing moment and of the next sample.
    public var start: HostTime
    public var end: HostTime
    /// Samples per channel known to be missing (nil between streams, where the count
    /// starts over).
    public var lostSamples: UInt64?
    /// Device time of the start and end, µs (unwrapped), where the device clock knows them.
    public var startDeviceMicros: Int64?
    public var endDeviceMicros: Int64?

    public init(
        reason: Reason, start: HostTime, end: HostTime, lostSamples: UInt64? = nil, startDeviceMicros: Int64? = nil,
        endDeviceMicros: Int64? = nil
    ) {
        self.reason = reason
        self.start = start
        self.end = end
        self.lostSamples = lostSamples
        self.startDeviceMicros = startDeviceMicros
        self.endDeviceMicros = endDeviceMicros
    }

    /// How long no sample was taken.
    public var duration: Duration { end - start }
}
