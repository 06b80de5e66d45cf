import LipTwitchRecordings

/// What `RecordingReader.read` found besides the events: the kind of file, its size, and
/// the EDF signals it did not deliver.
public struct RecordingReadSummary: Sendable, Equatable {
    public let kind: RecordingFileKind
    public let bytesRead: Int
    /// EDF signals that are neither EMG nor acceleration, and why; empty for CSV.
    public let skippedSignals: [EDFSkippedSignal]

    public init(kind: RecordingFileKind, bytesRead: Int, skippedSignals: [EDFSkippedSignal]) {
        self.kind = kind
        self.bytesRead = bytesRead
        self.skippedSignals = skippedSignals
    }
}
