import LipTwitchDetector
import LipTwitchLink

/// The samples a stream's detector was given, exactly as it was given them: a batch in
/// physical units with its quality, or the frames a gap lost, which the detector sees as
/// missing. A pipeline hands them out only when its configuration asks
/// (`PipelineConfiguration.handsOutSamples`): `liptwitch replay --samples` writes them as a
/// CSV recording that `liptwitch analyze` reads back to the same episodes.
public struct PipelineSamples: Sendable, Equatable {
    /// What the detector was given.
    public enum Content: Sendable, Equatable {
        /// Frames, sample-major, in µV or g; `quality` per value, nil when every one is good.
        case frames([Float], quality: [SampleQuality]?)
        /// This many frames that a gap lost.
        case missing(UInt64)
    }

    /// The stream's number (`StreamStart.number`).
    public let stream: Int
    /// The detector's index of the first frame: 0 is the stream's first sample.
    public let firstIndex: UInt64
    /// Values per frame: the sensor's channels.
    public let channelCount: Int
    public let content: Content
    /// When the first frame was sampled, in host time.
    public let at: HostTime

    /// How many frames the record holds.
    public var frameCount: UInt64 {
        switch content {
        case .frames(let values, _): UInt64(values.count / max(1, channelCount))
        case .missing(let count): count
        }
    }
}
