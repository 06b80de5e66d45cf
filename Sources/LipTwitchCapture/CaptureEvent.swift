import LipTwitchLink

/// What a `CaptureDecoder` reads, one at a time, in file order.
public enum CaptureEvent: Sendable, Equatable {
    /// The header, first.
    case header(CaptureHeader)
    /// What happened at the port, and when (host monotonic time).
    case activity(PortActivity, at: HostTime)
    /// The host asked the link to stop, at this time.
    case stopRequested(at: HostTime)
    /// The capture ended as planned, at this time.
    case end(at: HostTime)
}

extension CaptureEvent {
    /// When it happened (nil for the header).
    public var time: HostTime? {
        switch self {
        case .header: nil
        case .activity(_, let at), .stopRequested(let at), .end(let at): at
        }
    }
}
