/// How much of each record a reader decodes. Readers that count and time episodes (the
/// report, the export) need none of an episode's plotting detail, which is most of its
/// bytes: `summary` passes over it without reading it.
public enum RecordDetail: Sendable, Equatable {
    /// Every field.
    case full
    /// Every field but an episode's `twitches` list and `envelope`, which come back empty.
    /// The line must still be whole JSON around them (strings closed, brackets balanced),
    /// but the values inside are not read, so they are not checked either.
    case summary
}
