import ArgumentParser
import LipTwitchSignals

/// A closed set of named choices a flag takes (`--scenario`, `--vary`): listed one a line
/// in `--help`, and checked with a sentence that lists them all.
protocol NamedChoice: CaseIterable, RawRepresentable where RawValue == String {
    /// What the choice does, in one line.
    var summary: String { get }
    /// What one of them is called in the error: "scenario", "variation".
    static var choiceNoun: String { get }
    /// The width of the name's column in the listing.
    static var listingWidth: Int { get }
}

extension NamedChoice {
    /// One line per choice, its name and summary, for `--help`.
    static var helpListing: String {
        allCases.map { "  \($0.rawValue.padding(listingWidth))\($0.summary)" }.joined(separator: "\n")
    }

    /// The choice called `name`, or the error that lists them all.
    static func named(_ name: String) throws -> Self {
        guard let choice = Self(rawValue: name) else {
            throw ValidationError(
                "unknown \(choiceNoun) '\(name)'; choose one of \(allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return choice
    }
}

extension Scenario: NamedChoice {
    static let choiceNoun = "scenario"
    static let listingWidth = 17
}

extension ScenarioVariation: NamedChoice {
    static let choiceNoun = "variation"
    static let listingWidth = 10
}
