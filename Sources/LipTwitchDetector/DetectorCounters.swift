/// What the detector has seen, counted: every burst by its class, artifacts by kind, and
/// episodes. Nothing that is not a twitch or a tremor is reported one by one; it is
/// counted here.
public struct DetectorCounters: Sendable, Hashable {
    /// Frames processed, and bad samples (flagged, lost or flat) summed over the inputs.
    public var samples = 0
    public var invalidSamples = 0
    /// Bursts by class.
    public var twitches = 0
    public var tremorBursts = 0
    public var voluntaryBursts = 0
    public var artifacts = 0
    /// Bursts too short and too small to be anything (noise peaks, single discharges).
    public var shortBursts = 0
    /// Artifacts by kind.
    public var pops = 0
    public var leadOffs = 0
    public var saturations = 0
    public var flatlines = 0
    public var gaps = 0
    public var motion = 0
    /// Episodes closed.
    public var twitchEpisodes = 0
    public var tremorEpisodes = 0

    public init() {}

    mutating func count(_ kind: ArtifactKind) {
        artifacts += 1
        switch kind {
        case .pop: pops += 1
        case .leadOff: leadOffs += 1
        case .saturation: saturations += 1
        case .flatline: flatlines += 1
        case .gap: gaps += 1
        case .motion: motion += 1
        }
    }

    /// The sum of two tallies (several inputs).
    static func + (a: DetectorCounters, b: DetectorCounters) -> DetectorCounters {
        var sum = DetectorCounters()
        sum.samples = max(a.samples, b.samples)
        sum.invalidSamples = a.invalidSamples + b.invalidSamples
        sum.twitches = a.twitches + b.twitches
        sum.tremorBursts = a.tremorBursts + b.tremorBursts
        sum.voluntaryBursts = a.voluntaryBursts + b.voluntaryBursts
        sum.artifacts = a.artifacts + b.artifacts
        sum.shortBursts = a.shortBursts + b.shortBursts
        sum.pops = a.pops + b.pops
        sum.leadOffs = a.leadOffs + b.leadOffs
        sum.saturations = a.saturations + b.saturations
        sum.flatlines = a.flatlines + b.flatlines
        sum.gaps = a.gaps + b.gaps
        sum.motion = a.motion + b.motion
        sum.twitchEpisodes = a.twitchEpisodes + b.twitchEpisodes
        sum.tremorEpisodes = a.tremorEpisodes + b.tremorEpisodes
        return sum
    }
}
