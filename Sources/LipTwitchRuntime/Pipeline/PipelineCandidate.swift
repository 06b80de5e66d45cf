import LipTwitchDetector
import LipTwitchLink

/// A burst shaped like a twitch, placed in time, as the detector announced it (a live
/// console may show "a twitch?" at once) or dismissed it (not a twitch after all). A
/// confirmed candidate becomes an onset instead; nothing else counts candidates.
public struct PipelineCandidate: Sendable, Equatable {
    public var candidate: DetectorCandidate
    /// Nil when announced; why, when dismissed.
    public var dismissal: DetectorCandidate.Dismissal?
    /// The sensor's serial number, its channel, and the channel's placement.
    public var sensor: String
    public var channel: Int
    public var placement: String
    /// Host time of the burst's start and end, and of the sample at which the detector
    /// announced or dismissed it.
    public var at: HostTime
    public var end: HostTime
    public var knownAt: HostTime

    public init(
        candidate: DetectorCandidate, dismissal: DetectorCandidate.Dismissal?, sensor: String, channel: Int,
        placement: String, at: HostTime, end: HostTime, knownAt: HostTime
    ) {
        self.candidate = candidate
        self.dismissal = dismissal
        self.sensor = sensor
        self.channel = channel
        self.placement = placement
        self.at = at
        self.end = end
        self.knownAt = knownAt
    }
}
