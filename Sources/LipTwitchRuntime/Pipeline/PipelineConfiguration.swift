import LipTwitchDetector
import LipTwitchLink

/// What a `SensorPipeline` needs besides its input: the wall-clock anchor, what to do with
/// the samples (detect, or calibrate), the detector's settings (and the wearer's
/// calibration), and how often to report levels and counters.
public struct PipelineConfiguration: Sendable, Equatable {
    /// Turns host times into wall times (live: now at the start; replay: the capture's).
    public var anchor: WallClockAnchor
    /// Samples per level record: this much signal (100 ms by default).
    public var levelInterval: Duration
    /// A counters record this often, in host time of the reads (nil: only at the end of
    /// each stream and at the finish).
    public var countersInterval: Duration?
    /// Detect twitches (the default), or calibrate the wearer.
    public var analysis: StreamAnalysis
    public var detector: DetectorConfiguration
    /// What `liptwitch calibrate` learned about the wearer, if anything.
    public var profile: DetectorProfile?
    /// Names the detector in episode records: `liptwitch 0.1.0`.
    public var detectorVersion: String
    /// Hand out the samples each stream's detector is given, as `samples` records (for
    /// `liptwitch replay --samples`; off by default: they are as many as the samples).
    public var handsOutSamples: Bool

    public init(
        anchor: WallClockAnchor, levelInterval: Duration = .milliseconds(100), countersInterval: Duration? = .seconds(10),
        analysis: StreamAnalysis = .detect, detector: DetectorConfiguration = DetectorConfiguration(),
        profile: DetectorProfile? = nil,
        detectorVersion: String = "liptwitch", handsOutSamples: Bool = false
    ) {
        self.anchor = anchor
        self.levelInterval = levelInterval
        self.countersInterval = countersInterval
        self.analysis = analysis
        self.detector = detector
        self.profile = profile
        self.detectorVersion = detectorVersion
        self.handsOutSamples = handsOutSamples
    }
}
