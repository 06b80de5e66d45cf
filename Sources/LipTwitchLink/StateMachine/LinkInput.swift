import LipTwitchProtocol

/// What a `LinkStateMachine` is told: by discovery, by the port the runtime performs its
/// actions on, by the decoder of what the sensor sends, by the timer it asked for, and by
/// whoever wants it to stop.
public enum LinkInput: Sendable {
    /// Discovery: a sensor appeared or was removed.
    case device(DeviceEvent)
    /// The `open(path:)` action worked.
    case openSucceeded
    /// The `open(path:)` action failed.
    case openFailed(OpenFailure)
    /// The decoder reported this (a message, a dropped frame, a sequence gap or reset).
    case received(DecoderEvent<DeviceMessage>)
    /// The open port hung up or failed: end of file, POLLHUP, EIO, ENODEV, a failed write;
    /// the detail says which.
    case hungUp(String)
    /// The timer of the last `scheduleTimer(at:)` came due.
    case timerFired
    /// Stop: tell the sensor to stop, close the port, do nothing more.
    case stopRequested
}
