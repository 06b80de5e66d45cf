import LipTwitchLink
import LipTwitchProtocol

/// What a `SensorPipeline` hands out, in order: everything the journal, the live stream
/// and a replay's output are made of. Every time is host monotonic time; the pipeline's
/// `WallClockAnchor` turns it into wall time.
public enum PipelineRecord: Sendable, Equatable {
    /// A transition of the link, passed through in the order the pipeline was told it.
    case link(LinkEvent, at: HostTime)
    /// Samples began to flow (START was acknowledged, the first batch arrived).
    case streamStarted(StreamStart)
    /// Samples stopped flowing, and why.
    case streamEnded(StreamEnd)
    /// A stretch with no samples, of known length.
    case gap(PipelineGap)
    /// The signal level of every channel over the last interval (for a meter).
    case level(SignalLevel)
    case status(DeviceStatus, at: HostTime)
    /// The wearer pressed the button; `at` is nil when the press cannot be placed in time.
    case marker(UserMarker, at: HostTime?)
    /// A twitch confirmed, or a tremor recognized, as soon as the detector is sure.
    case onset(PipelineOnset)
    /// A burst shaped like a twitch, announced at once or later dismissed (for a live
    /// console; a confirmed one becomes an onset).
    case candidate(PipelineCandidate)
    /// An episode closed (or cut short by the end of its stream: `isTruncated`).
    case episode(PipelineEpisode)
    /// A step of the wearer's calibration (only when the pipeline calibrates).
    case calibration(PipelineCalibration)
    /// The samples a stream's detector was given (only when the configuration asks for them).
    case samples(PipelineSamples)
    /// The pipeline's counts so far (every `countersInterval`, at the end of a stream, and
    /// at the finish).
    case counters(PipelineCounters, at: HostTime)

    /// The host time the record is about (for a gap: its start).
    public var time: HostTime? {
        switch self {
        case .link(_, let at), .status(_, let at), .counters(_, let at): at
        case .streamStarted(let start): start.at
        case .streamEnded(let end): end.at
        case .gap(let gap): gap.start
        case .level(let level): level.at
        case .marker(_, let at): at
        case .onset(let onset): onset.at
        case .candidate(let candidate): candidate.at
        case .episode(let episode): episode.start
        case .calibration(let calibration): calibration.at
        case .samples(let samples): samples.at
        }
    }
}
