/// A closed episode: twitches less than the episode gap apart, or one stretch of tremor.
/// Sample indices count from the start of the stream; the runtime turns them into device
/// time, wall time, or offsets into a file (index / sample rate).
public struct Episode: Sendable, Hashable {
    /// Twitching or tremor.
    public enum Kind: String, Sendable {
        case twitch
        case tremor
    }

    public var kind: Kind
    /// The input it happened on (its index among the detector's inputs), its label,
    /// placement and unit.
    public var input: Int
    public var label: String
    public var placement: String
    public var unit: String
    /// First and last sample, inclusive.
    public var startSample: Int
    public var endSample: Int
    /// How many twitches (0 for tremor); `twitches` lists up to the configured maximum.
    public var twitchCount: Int
    public var twitches: [Twitch]
    /// Clusters: runs of two or more twitches, each less than `clusterGapSeconds` after
    /// the one before (end to onset). How many (0 for tremor, and when every twitch
    /// stood alone), and the largest one (the first of equal ones).
    public var clusterCount: Int
    public var largestCluster: Cluster?
    /// Peak and RMS of the filtered signal over its twitches (tremor: over the confirmed
    /// part), in the unit.
    public var peak: Double
    public var rms: Double
    /// Twitch: the mean frequency of the signal in its twitches (EMG) or of the tissue
    /// oscillation (accelerometer); tremor: the rhythm's frequency. Hz.
    public var dominantFrequencyHz: Double
    /// 0 to 1 (docs/DETECTOR.md, "Confidence").
    public var confidence: Double
    /// The envelope for plotting: at most `envelopePoints` values (maxima of the RMS
    /// envelope, in the unit), one every `envelopeStepSamples` from `startSample`.
    public var envelope: [Float]
    public var envelopeStepSamples: Int
    /// True when the stream ended before the episode could close.
    public var isTruncated: Bool

    /// A run of twitches within seconds of one another: how many, from the first one's
    /// onset to the last one's end (samples, inclusive).
    public struct Cluster: Sendable, Hashable {
        public var twitchCount: Int
        public var startSample: Int
        public var endSample: Int

        public init(twitchCount: Int, startSample: Int, endSample: Int) {
            self.twitchCount = twitchCount
            self.startSample = startSample
            self.endSample = endSample
        }
    }
}
