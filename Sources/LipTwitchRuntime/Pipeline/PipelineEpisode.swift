import LipTwitchDetector
import LipTwitchLink

/// An episode the detector closed, placed in time: its first and last sample in host time
/// (and device time), on which sensor and channel.
public struct PipelineEpisode: Sendable, Equatable {
    /// The detector's episode (sample indices count from the stream's first sample).
    public var episode: Episode
    /// The sensor's serial number.
    public var sensor: String
    /// The sensor's channel (an accelerometer's: its first axis).
    public var channel: Int
    /// Host time of the first sample, and just after the last.
    public var start: HostTime
    public var end: HostTime
    /// Device time of the same, µs (unwrapped).
    public var startDeviceMicros: Int64
    public var endDeviceMicros: Int64
    public var sampleRateHz: Double

    public init(
        episode: Episode, sensor: String, channel: Int, start: HostTime, end: HostTime, startDeviceMicros: Int64,
        endDeviceMicros: Int64, sampleRateHz: Double
    ) {
        self.episode = episode
        self.sensor = sensor
        self.channel = channel
        self.start = start
        self.end = end
        self.startDeviceMicros = startDeviceMicros
        self.endDeviceMicros = endDeviceMicros
        self.sampleRateHz = sampleRateHz
    }

    /// Seconds from the episode's first sample to sample `sample` of the stream.
    public func offset(ofSample sample: Int) -> Double {
        Double(sample - episode.startSample) / sampleRateHz
    }
}
