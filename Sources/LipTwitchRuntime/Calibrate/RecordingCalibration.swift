import LipTwitchDetector
import LipTwitchRecordings
import LipTwitchSystem

/// `liptwitch calibrate`: a calibration recording (rest, then deliberate presses; see
/// `Calibrator`) read block by block into a profile.
public struct RecordingCalibration {
    public var path: String
    public var sampleRateHz: Double?
    public var restSeconds: Double

    public init(path: String, sampleRateHz: Double? = nil, restSeconds: Double = 10) {
        self.path = path
        self.sampleRateHz = sampleRateHz
        self.restSeconds = restSeconds
    }

    public func run() throws -> DetectorProfile {
        let reader = RecordingReader(path: path, sampleRateHz: sampleRateHz)
        var bar = ProgressBar(label: "calibrating")
        defer { bar.finish() }
        var calibrator: Calibrator?
        // What the calibrator notices matters to a wearer following it live; a file only
        // needs the profile.
        var events: [CalibrationEvent] = []
        _ = try reader.read(
            events: { event in
                switch event {
                case .format(let format):
                    do {
                        calibrator = try Calibrator(
                            sampleRateHz: format.sampleRateHz, inputs: RecordingInputs.inputs(for: format),
                            columnCount: format.channels.count, restSeconds: restSeconds)
                    } catch let error as DetectorError {
                        throw AnalysisError(file: reader.displayName, error, doing: "calibrate from")
                    }
                case .samples(let block):
                    calibrator?.process(block.values, into: &events)
                    events.removeAll(keepingCapacity: true)
                case .annotation:
                    break
                }
            },
            progress: { bar.update($0) })
        guard var calibrator else { throw AnalysisError("cannot calibrate from \(reader.displayName): it holds no samples") }
        do {
            return try calibrator.finish(into: &events)
        } catch {
            throw AnalysisError(file: reader.displayName, error, doing: "calibrate from")
        }
    }
}
