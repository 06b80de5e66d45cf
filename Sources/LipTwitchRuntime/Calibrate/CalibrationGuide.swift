import LipTwitchDetector
import LipTwitchLink

/// The console's side of a live calibration: it reads a calibrating pipeline's records
/// and answers with lines that guide the wearer through the protocol (relax; now press,
/// N times; that one was too short), and it knows when the calibration is over, and how
/// it ended. No I/O and no clock: the same records give the same lines.
public struct CalibrationGuide: Sendable {
    public let restSeconds: Double
    /// Presses to ask for before finishing.
    public let presses: Int
    /// The profile, once the calibration finished.
    public private(set) var profile: DetectorProfile?
    /// Why there is no profile: the calibration failed, the port never opened, or the
    /// sensor cannot be used.
    public private(set) var failure: String?
    private var everOpened = false
    /// Presses found so far on each input.
    private var pressCounts: [Int] = []
    /// Presses announced (the fewest any input has).
    private var announced = 0
    private var lastShortPress: HostTime?
    private var leadOffMask: UInt8 = 0

    public init(restSeconds: Double, presses: Int) {
        self.restSeconds = restSeconds
        self.presses = presses
    }

    /// Nothing more will come: a profile, or a failure.
    public var isOver: Bool { profile != nil || failure != nil }

    /// Every input has shown the presses asked for: time to stop the sensor.
    public var hasEnoughPresses: Bool { announced >= presses }

    /// The lines `record` calls for (often none).
    public mutating func take(_ record: PipelineRecord) -> [String] {
        switch record {
        case .link(let event, _):
            note(event)
            return ["  " + event.sentence]
        case .streamStarted(let start):
            if let problem = start.detectorProblem {
                failure = "cannot calibrate from this sensor: \(problem)"
                return []
            }
            return ["Sit still with your lips relaxed for \(Int(restSeconds.rounded())) s, starting now."]
        case .gap(let gap):
            return ["  " + record.sentence + (gap.reason == .disconnected ? "" : "; the calibration goes on")]
        case .status(let status, _):
            return leadOff(status.leadOffMask)
        case .calibration(let calibration):
            return take(calibration)
        case .streamEnded, .level, .marker, .onset, .candidate, .episode, .counters, .samples:
            return []
        }
    }

    private mutating func take(_ calibration: PipelineCalibration) -> [String] {
        switch calibration.step {
        case .progress(.resting(let left)):
            return ["  rest: \(left) s"]
        case .progress(.restMeasured(let floors)):
            pressCounts = Array(repeating: 0, count: calibration.inputs.count)
            return [
                "  " + PipelineCalibration.text(of: .restMeasured(floors: floors), inputs: calibration.inputs),
                "Now press your lips together firmly for about a second, then relax for a few seconds; "
                    + "\(presses) times.",
                "Press 1 of \(presses) now.",
            ]
        case .progress(.press(let input, let rms, let seconds, let count)):
            guard pressCounts.indices.contains(input) else { return [] }
            pressCounts[input] = count
            let done = pressCounts.min() ?? 0
            guard done > announced, announced < presses else { return [] }
            announced = done
            let measured = "  press \(done) of \(presses): \(ReadableNumber.text(rms)) \(calibration.inputs[input].unit) "
                + "RMS for \(ElapsedTime.decimal(seconds)) s"
            return [measured, done < presses ? "Relax, then press again (\(done + 1) of \(presses))." : "That is enough."]
        case .progress(.shortPress(_, let seconds)):
            // One press shows on every channel: say it once.
            guard lastShortPress != calibration.at else { return [] }
            lastShortPress = calibration.at
            return ["  that press lasted \(ElapsedTime.decimal(seconds)) s: hold it for about a second, then relax."]
        case .finished(let profile):
            self.profile = profile
            return []
        case .failed(let reason):
            failure = reason
            return []
        }
    }

    /// A port that never opened, or a sensor that cannot be used, ends the calibration.
    private mutating func note(_ event: LinkEvent) {
        switch event {
        case .opened: everOpened = true
        case .openFailed(let failure, _) where !everOpened: self.failure = failure.message
        case .incompatible(let incompatibility): failure = incompatibility.description
        default: break
        }
    }

    /// A line when an electrode comes off the skin or goes back on.
    private mutating func leadOff(_ mask: UInt8) -> [String] {
        defer { leadOffMask = mask }
        guard mask != leadOffMask else { return [] }
        let channels = PipelineRecord.channels(in: mask)
        if channels.isEmpty { return ["  the electrodes are on the skin again"] }
        return ["  an electrode is off the skin (channel \(channels.map(String.init).joined(separator: ", "))): "
            + "press it back on; samples without contact do not count"]
    }
}
