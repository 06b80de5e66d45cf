/// The red flags that hold, and what could not be judged from the data (and why).
public struct RedFlagReview: Sendable, Equatable {
    public let flags: [RedFlag]
    /// Sentences: "only the left side was measured...".
    public let notJudged: [String]

    public func flag(_ kind: RedFlag.Kind) -> RedFlag? { flags.first { $0.kind == kind } }
}
