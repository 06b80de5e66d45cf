/// How far `RecordingReader` has read, for a progress bar.
public struct RecordingProgress: Sendable, Equatable {
    /// Bytes of the file read so far.
    public let bytesRead: Int
    /// The file's size, when known (not for a pipe).
    public let totalBytes: Int?

    public init(bytesRead: Int, totalBytes: Int?) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }

    /// From 0 to 1, when the size is known.
    public var fraction: Double? {
        totalBytes.map { $0 > 0 ? min(1, Double(bytesRead) / Double($0)) : 1 }
    }
}
