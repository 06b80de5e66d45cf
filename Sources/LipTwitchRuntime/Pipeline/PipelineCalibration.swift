import LipTwitchDetector
import LipTwitchLink

/// How the calibration of a stream goes: what the `Calibrator` noticed, and at the end of
/// the stream its profile or why there is none. Only a pipeline that calibrates
/// (`StreamAnalysis.calibrate`) makes these.
public struct PipelineCalibration: Sendable, Equatable {
    /// One step of the calibration.
    public enum Step: Sendable, Equatable {
        case progress(CalibrationEvent)
        /// The stream ended and the calibration is complete.
        case finished(DetectorProfile)
        /// The stream ended without what calibration needs; the sentence says what to do.
        case failed(String)
    }

    /// The stream calibrated (`StreamStart.number`).
    public var stream: Int
    public var step: Step
    /// The inputs calibrated, in the order events number them.
    public var inputs: [DetectorInput]
    /// Host time the step became known: the end of the batch that showed it.
    public var at: HostTime

    public init(stream: Int, step: Step, inputs: [DetectorInput], at: HostTime) {
        self.stream = stream
        self.step = step
        self.inputs = inputs
        self.at = at
    }
}
