/// Consecutive samples of every channel, in physical units (µV or g).
///
/// `values` is sample-major: sample `i` of channel `c` is `values[i * channelCount + c]`.
/// NaN marks a missing sample (a gap in a CSV time column). Blocks arrive in order and
/// are contiguous: each one's `firstSampleIndex` is the previous one's plus its
/// `sampleCount`, and a sample's index times the sample period is its time from the start
/// of the recording.
public struct SampleBlock: Sendable, Equatable {
    /// Index of the block's first sample since the start of the recording.
    public let firstSampleIndex: Int
    /// Samples per channel in this block.
    public let sampleCount: Int
    /// Channels per sample, as in the recording's `RecordingFormat`.
    public let channelCount: Int
    /// `sampleCount × channelCount` values, sample-major.
    public var values: [Float]

    public init(firstSampleIndex: Int, sampleCount: Int, channelCount: Int, values: [Float]) {
        precondition(values.count == sampleCount * channelCount, "a block holds sampleCount × channelCount values")
        self.firstSampleIndex = firstSampleIndex
        self.sampleCount = sampleCount
        self.channelCount = channelCount
        self.values = values
    }

    /// The value of `channel` at sample `sample` of this block (both counted from 0).
    public func value(sample: Int, channel: Int) -> Float {
        values[sample * channelCount + channel]
    }
}
