/// What a burst was judged to be. Only twitches and tremor become episodes; the rest are
/// counted (`DetectorCounters`).
public enum BurstClass: String, Sendable, CaseIterable {
    case twitch
    case tremor
    /// Talking, chewing, smiling, pressing: longer, larger, or within voluntary activity.
    case voluntary
    case artifact
}

/// Why a burst is an artifact.
public enum ArtifactKind: String, Sendable, CaseIterable {
    /// An electrode pop: a huge, impulsive burst, its energy in its first moments.
    case pop
    /// The sensor flagged lead-off near it.
    case leadOff = "lead_off"
    /// The sensor flagged saturation near it.
    case saturation
    /// Identical values near it: a converter at its rail in a file without flags.
    case flatline
    /// Samples were lost near it.
    case gap
    /// Gross motion (accelerometer: walking, nodding, turning) during it, or a moving
    /// lead (EMG: cable motion, strong in the slow band below the EMG).
    case motion
}
