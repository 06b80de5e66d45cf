import JSONLines
import LipTwitchCapture
import LipTwitchDetector

/// Which calibration profile `liptwitch replay` gives the detector: by default the one the
/// capture recorded (the live run's, so the replay finds the live run's episodes), or one
/// from a file, or none.
public enum ReplayProfile: Sendable, Equatable {
    /// The profile in the capture's header; none when it recorded none.
    case recorded
    /// This profile (read from the file at `path`) instead of the recorded one.
    case file(DetectorProfile, path: String)
    /// No profile, whatever the capture recorded.
    case disabled

    /// What the replay of the capture at `capture` with `header` uses: the profile and the
    /// file it came from (nil: the capture); nil for none. A recorded profile that does not
    /// parse is an error (the replay would not be the live run's).
    func chosen(for header: CaptureHeader, capture: String) throws(AnalysisError) -> Choice? {
        switch self {
        case .recorded:
            guard let text = header.profileJSON else { return nil }
            do {
                return Choice(profile: try ProfileFile.decode(text, source: capture), file: nil)
            } catch {
                throw AnalysisError(
                    "the calibration profile recorded in \(capture) is damaged, so the live run cannot be repeated: "
                        + "replay it with --no-profile, or with --profile FILE")
            }
        case .file(let profile, let path): return Choice(profile: profile, file: path)
        case .disabled: return nil
        }
    }

    /// A profile a replay uses, and where it came from.
    struct Choice {
        var profile: DetectorProfile
        /// The file it was read from; nil: the capture's header.
        var file: String?

        /// The replay's first JSON line says it: `"calibration":"capture"`, or
        /// `"calibration":"file"` with `"calibration_file"`; nothing when none is used.
        func describe(in object: inout JSONObject) {
            object.add("calibration", file == nil ? "capture" : "file")
            if let file { object.add("calibration_file", file) }
        }
    }

    /// How the readable first line names the choice.
    static func phrase(_ choice: Choice?, header: CaptureHeader) -> String {
        if let choice { return "calibration profile from \(choice.file ?? "the capture")" }
        return header.profileJSON == nil ? "no calibration profile" : "no calibration profile (the capture's is left out)"
    }
}
