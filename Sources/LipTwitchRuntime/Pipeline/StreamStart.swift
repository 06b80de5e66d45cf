import LipTwitchLink
import LipTwitchProtocol

/// A stream began: the sensor acknowledged START and its first batch arrived.
public struct StreamStart: Sendable, Equatable {
    /// Streams since the pipeline began, from 1.
    public var number: Int
    /// The sensor, as its last IDENTITY described it.
    public var identity: DeviceIdentity
    /// Host time of the stream's first sample.
    public var at: HostTime
    /// Device time of the first sample, µs (unwrapped).
    public var deviceMicros: Int64
    /// Why the detector does not watch this stream (a rate too low for the signal's
    /// bands); nil when it does.
    public var detectorProblem: String?

    public init(number: Int, identity: DeviceIdentity, at: HostTime, deviceMicros: Int64, detectorProblem: String? = nil) {
        self.number = number
        self.identity = identity
        self.at = at
        self.deviceMicros = deviceMicros
        self.detectorProblem = detectorProblem
    }
}
