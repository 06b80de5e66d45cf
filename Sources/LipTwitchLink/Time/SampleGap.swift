/// Samples lost between two batches of one stream (PROTOCOL.md section 3.3): on the wire
/// (a dropped frame) or in the sensor (an overrun). Exactly `samples` per channel are
/// missing; their place in time is known.
public struct SampleGap: Sendable, Equatable {
    /// Samples per channel that are missing.
    public var samples: UInt64
    /// How long the missing samples lasted: `samples / sample_rate_hz`.
    public var duration: Duration
    /// The stream index (since START) of the first missing sample.
    public var firstMissingIndex: UInt64
    /// Host time of the first missing sample.
    public var start: HostTime

    public init(samples: UInt64, duration: Duration, firstMissingIndex: UInt64, start: HostTime) {
        self.samples = samples
        self.duration = duration
        self.firstMissingIndex = firstMissingIndex
        self.start = start
    }
}
