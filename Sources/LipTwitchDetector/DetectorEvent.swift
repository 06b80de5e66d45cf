/// What the detector tells its caller.
public enum DetectorEvent: Sendable, Hashable {
    /// A twitch confirmed or a tremor recognized: sent as soon as the detector is sure
    /// (docs/DETECTOR.md states the latency bound).
    case onset(DetectorOnset)
    /// An episode that has closed.
    case episode(Episode)
}
