/// What `JournalLineDecoder` made of one line.
public enum LineDecoding: Sendable, Equatable {
    case record(JournalRecord)
    /// A valid line of a kind the caller did not ask for.
    case ignored(RecordKind)
    case skipped(SkipReason)
}
