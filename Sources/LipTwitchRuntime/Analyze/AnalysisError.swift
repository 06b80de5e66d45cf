import LipTwitchDetector

/// A recording that can be read but not analysed (or calibrated from), as one sentence.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(file: String, _ error: DetectorError, doing what: String = "analyse") {
        description = "cannot \(what) \(file): \(error.description)"
    }

    init(_ description: String) {
        self.description = description
    }
}
