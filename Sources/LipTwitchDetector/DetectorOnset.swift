/// A live event: a twitch has just been confirmed, or a tremor has just been recognized.
/// The episode it belongs to follows when that episode closes.
public struct DetectorOnset: Sendable, Hashable {
    public var kind: Episode.Kind
    public var input: Int
    /// Where it started, and the sample at which the detector was sure.
    public var onsetSample: Int
    public var confirmedAtSample: Int
    /// The twitch itself (nil for a tremor onset).
    public var twitch: Twitch?
}
