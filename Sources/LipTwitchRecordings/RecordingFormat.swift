/// The shape of a recording, delivered once before any sample: the common sample rate, the
/// channels in the order of every `SampleBlock`'s values, and when it started.
public struct RecordingFormat: Sendable, Equatable {
    /// Samples per second of every channel.
    public var sampleRateHz: Double
    /// The analysable channels, in value order.
    public var channels: [RecordingChannel]
    /// Local date and time of the first sample from the EDF header; nil for CSV.
    public var startTime: RecordingStartTime?

    public init(sampleRateHz: Double, channels: [RecordingChannel], startTime: RecordingStartTime? = nil) {
        self.sampleRateHz = sampleRateHz
        self.channels = channels
        self.startTime = startTime
    }
}
