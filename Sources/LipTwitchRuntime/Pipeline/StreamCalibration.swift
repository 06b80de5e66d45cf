import LipTwitchDetector
import LipTwitchProtocol

/// The calibration of one stream: a `Calibrator` over the same inputs a `StreamDetector`
/// would watch, fed the stream's samples in physical units, with the samples a gap lost
/// as missing frames so that the protocol's timing stays the stream's.
struct StreamCalibration: Sendable {
    private var calibrator: Calibrator
    let inputs: [DetectorInput]
    private let columnCount: Int
    private var missing = MissingFrames()

    /// Throws when the stream cannot be analysed (a rate too low for the signal's bands).
    init(identity: DeviceIdentity, restSeconds: Double, configuration: DetectorConfiguration) throws(DetectorError) {
        inputs = StreamDetector.inputs(for: identity).map(\.input)
        columnCount = identity.channelCount
        calibrator = try Calibrator(
            sampleRateHz: Double(identity.sampleRateHz), inputs: inputs, columnCount: columnCount,
            restSeconds: restSeconds, configuration: configuration)
    }

    /// Frames of the stream, sample-major, in physical units; `quality` per value, or nil.
    mutating func process(_ values: [Float], quality: [SampleQuality]?, into events: inout [CalibrationEvent]) {
        calibrator.process(values, quality: quality, into: &events)
    }

    /// `samples` frames that a gap lost.
    mutating func skip(_ samples: UInt64, into events: inout [CalibrationEvent]) {
        missing.feed(samples, columns: columnCount) { calibrator.process($0, quality: $1, into: &events) }
    }

    /// The stream ended: the profile, or why there is none.
    mutating func finish(into events: inout [CalibrationEvent]) -> PipelineCalibration.Step {
        do {
            return .finished(try calibrator.finish(into: &events))
        } catch {
            return .failed(error.description)
        }
    }
}
