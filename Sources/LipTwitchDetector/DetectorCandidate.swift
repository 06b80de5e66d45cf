/// A burst shaped like a twitch that has just ended: the detector now waits to see what
/// follows it (talking, chewing, a tremor) before it confirms it (`DetectorEvent.onset`)
/// or dismisses it (`DetectorEvent.dismissed`), within the latency bound. For a live
/// console that wants to show something at once; nothing should count candidates as
/// twitches.
public struct DetectorCandidate: Sendable, Hashable {
    /// Why a candidate was not a twitch after all.
    public enum Dismissal: String, Sendable, Hashable {
        /// Talking, chewing or another voluntary movement around it.
        case voluntary
        /// Part of a tremor.
        case tremor
        /// Head or body motion (accelerometer).
        case motion
        /// An electrode or signal problem around it (lead-off, saturation, a pop, a gap).
        case artifact
    }

    public var input: Int
    public var onsetSample: Int
    public var endSample: Int
    /// The sample at which the detector announced it (`candidate`) or dismissed it
    /// (`dismissed`).
    public var knownAtSample: Int
    /// RMS and peak of the filtered signal over the burst, in the input's unit.
    public var rms: Double
    public var peak: Double
}
