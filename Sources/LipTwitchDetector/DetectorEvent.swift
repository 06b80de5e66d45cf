/// What the detector tells its caller.
public enum DetectorEvent: Sendable, Hashable {
    /// A twitch confirmed or a tremor recognized: sent as soon as the detector is sure
    /// (docs/DETECTOR.md states the latency bound).
    case onset(DetectorOnset)
    /// A burst shaped like a twitch has just ended; an `onset` or a `dismissed` with the
    /// same input and onset sample follows.
    case candidate(DetectorCandidate)
    /// An announced candidate was not a twitch, and why.
    case dismissed(DetectorCandidate, DetectorCandidate.Dismissal)
    /// An episode that has closed.
    case episode(Episode)
}

extension DetectorEvent {
    /// Why a candidate was dismissed (`dismissed`); nil for every other event.
    public var dismissal: DetectorCandidate.Dismissal? {
        if case .dismissed(_, let dismissal) = self { return dismissal }
        return nil
    }
}
