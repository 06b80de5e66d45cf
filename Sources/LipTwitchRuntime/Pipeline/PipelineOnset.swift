import LipTwitchDetector
import LipTwitchLink

/// A twitch the detector just confirmed, or a tremor it just recognized, placed in time:
/// for a live console, before the episode it belongs to closes.
public struct PipelineOnset: Sendable, Equatable {
    public var onset: DetectorOnset
    /// The sensor's serial number, its channel, and the channel's placement.
    public var sensor: String
    public var channel: Int
    public var placement: String
    /// Host time of the onset, and of the sample at which the detector was sure.
    public var at: HostTime
    public var confirmedAt: HostTime
    public var sampleRateHz: Double

    public init(
        onset: DetectorOnset, sensor: String, channel: Int, placement: String, at: HostTime, confirmedAt: HostTime,
        sampleRateHz: Double
    ) {
        self.onset = onset
        self.sensor = sensor
        self.channel = channel
        self.placement = placement
        self.at = at
        self.confirmedAt = confirmedAt
        self.sampleRateHz = sampleRateHz
    }
}
