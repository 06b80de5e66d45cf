import LipTwitchDetector
import LipTwitchSystem

/// `liptwitch calibrate FILE.ltcap`: a capture of a calibration session (one that
/// `liptwitch calibrate --capture` or `liptwitch capture` made) through the pipeline that
/// calibrates, exactly as the live session ran it: the same bytes give the same profile.
/// The first stream that completes the protocol gives the profile.
public struct CaptureCalibration {
    public var path: String
    public var restSeconds: Double

    public init(path: String, restSeconds: Double) {
        self.path = path
        self.restSeconds = restSeconds
    }

    /// Why there is no profile; its description is the sentence to show.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func run() throws -> DetectorProfile {
        var profile: DetectorProfile?
        var failure: String?
        let playback = CapturePlayback(path: path) { _, anchor in
            PipelineConfiguration(anchor: anchor, analysis: .calibrate(restSeconds: restSeconds))
        }
        let outcome = try playback.play { record, _, _ in
            guard profile == nil, case .calibration(let calibration) = record else { return }
            switch calibration.step {
            case .finished(let found): profile = found
            case .failed(let reason): failure = failure ?? reason
            case .progress: break
            }
        }
        var cut: String?
        if case .cut(let cutAt) = outcome.ending {
            cut = CapturePlayback.cutSentence(cutAt, path: path, anchor: outcome.anchor)
        }
        if let profile {
            if let cut { StandardError.write("liptwitch calibrate: " + cut) }
            return profile
        }
        let reason = failure ?? "it holds no stream of samples (capture a calibration session with liptwitch calibrate --capture)"
        throw Failure(description: "cannot calibrate from \(path): \(reason)" + (cut.map { " (\($0))" } ?? ""))
    }
}
