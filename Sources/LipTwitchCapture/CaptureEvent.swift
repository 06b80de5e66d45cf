import LipTwitchLink

/// What a `CaptureDecoder` reads, one at a time, in file order.
public enum CaptureEvent: Sendable, Equatable {
    /// The header, first.
    case header(CaptureHeader)
    /// What happened at the port, and when (host monotonic time).
    case activity(PortActivity, at: HostTime)
    /// The capture ended as planned, at this time.
    case end(at: HostTime)
}
