import ArgumentParser
import LipTwitchSignals

/// The scenarios as the commands that take `--scenario` list and check them.
extension Scenario {
    /// One line per scenario, its name and summary, for `--help`.
    static var helpListing: String {
        allCases.map { "  \($0.rawValue.padding(17))\($0.summary)" }.joined(separator: "\n")
    }

    /// The scenario called `name`, or the error that lists them all.
    static func named(_ name: String) throws -> Scenario {
        guard let scenario = Scenario(rawValue: name) else {
            throw ValidationError(
                "unknown scenario '\(name)'; choose one of \(allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return scenario
    }
}
