import LipTwitchJournal

/// What a read of the journal found, besides the records it handed out.
public struct ReadSummary: Sendable, Equatable {
    /// Records handed out.
    public var records = 0
    /// Month files read.
    public var files = 0
    /// Records left out because a retraction withdrew them (retractions included).
    public var retracted = 0
    public var skipped = SkipTally()

    public init() {}
}
