/// One twitch: where it is in the stream and how strong it was.
public struct Twitch: Sendable, Hashable {
    /// First and last sample, inclusive, counted from the start of the stream.
    public var onsetSample: Int
    public var endSample: Int
    /// RMS and peak of the filtered signal over the twitch, in the input's unit.
    public var rms: Double
    public var peak: Double
    /// How sure the detector is, 0 to 1 (docs/DETECTOR.md, "Confidence").
    public var confidence: Double

    public var durationSamples: Int { endSample - onsetSample + 1 }
}
