import ArgumentParser
import LipTwitchSignals

/// The variations as `liptwitch generate --vary` lists and checks them.
extension ScenarioVariation {
    /// The variations, one a line, for `--help`.
    static var helpListing: String {
        allCases.map { "  \($0.rawValue.padding(10))\($0.summary)" }.joined(separator: "\n")
    }

    /// The variation called `name`, or the error that lists them all.
    static func named(_ name: String) throws -> ScenarioVariation {
        guard let variation = ScenarioVariation(rawValue: name) else {
            throw ValidationError(
                "unknown variation '\(name)'; choose one of \(allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return variation
    }
}
