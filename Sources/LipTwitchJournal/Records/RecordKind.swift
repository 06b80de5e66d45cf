/// What a record is, its `class`.
public enum RecordKind: String, Sendable, CaseIterable, Hashable {
    /// The first line of every file.
    case header
    /// Twitches (or a tremor) the detector found.
    case episode
    /// Something the person wrote down: coffee, a short night, a dentist visit.
    case note
    /// A sensor connected, disconnected, reported its status, or its link counters.
    case device
    /// A stretch without data.
    case gap
    /// The daemon (or a replay, or the demo) started or stopped.
    case session
    /// Withdraws an earlier record.
    case retraction
}
