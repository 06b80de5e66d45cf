/// Where `liptwitch replay` sends what the pipeline makes of a capture.
public enum ReplayOutput: Sendable, Equatable {
    /// Standard output: JSON lines, or readable lines.
    case lines(json: Bool)
    /// Journal records (sessions, devices, gaps, episodes) into the journal in this
    /// directory.
    case journal(directory: String)
}
