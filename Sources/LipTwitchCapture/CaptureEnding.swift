import LipTwitchLink

/// How a capture ended, once all its bytes were read: with its end record, or cut short
/// (a crash, a full disk, a file copied in part).
public enum CaptureEnding: Sendable, Equatable {
    case complete(at: HostTime)
    case cut(CaptureCut)
}

/// Where a capture was cut short.
public struct CaptureCut: Sendable, Equatable {
    /// Cut inside the header: there is nothing to replay.
    public var inHeader: Bool
    /// Records read before the cut.
    public var records: Int
    /// Bytes of the record (or header) the cut went through.
    public var partialBytes: Int
    /// The time of the last record read, when there was one.
    public var lastTime: HostTime?

    public init(inHeader: Bool, records: Int, partialBytes: Int, lastTime: HostTime?) {
        self.inHeader = inHeader
        self.records = records
        self.partialBytes = partialBytes
        self.lastTime = lastTime
    }
}
