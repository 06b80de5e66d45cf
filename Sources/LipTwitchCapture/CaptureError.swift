/// Why a capture cannot be read at all (a capture cut short is not an error: its records
/// up to the cut are read, and `CaptureEnding` says where it was cut).
public enum CaptureError: Error, Sendable, Equatable {
    /// The file does not start with the capture magic.
    case notACapture
    /// A newer LipTwitch wrote it, in a format major this one does not know.
    case newerFormat(major: UInt16, minor: UInt16)
    /// The header is damaged; what is wrong with it.
    case damagedHeader(String)

    /// What happened and what to do, for a capture named `name`.
    public func sentence(for name: String) -> String {
        switch self {
        case .notACapture:
            "\(name) is not a LipTwitch capture (it does not start with the capture magic); "
                + "make one with liptwitch capture (docs/CAPTURE.md)"
        case .newerFormat(let major, let minor):
            "\(name) is a capture in format \(major).\(minor), newer than this LipTwitch reads "
                + "(\(CaptureFormat.major).x): update LipTwitch"
        case .damagedHeader(let problem):
            "\(name) has a damaged header (\(problem)); it cannot be replayed"
        }
    }
}
