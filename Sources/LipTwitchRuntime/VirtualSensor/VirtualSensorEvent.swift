/// What happened to a virtual sensor, as the console of `liptwitch simulate` tells it.
public enum VirtualSensorEvent: Sendable, Equatable {
    /// A new pseudo-terminal is there: open `path`.
    case plugged(path: String)
    /// A host sent START: the sensor streams.
    case streamingStarted
    /// The sensor stopped streaming: STOP, or no heartbeat for 5 s.
    case streamingStopped
    /// The stall fault began: the sensor is silent and deaf.
    case stallBegan
    case stallEnded
    /// The pseudo-terminal is gone; `midFrame` when it went in the middle of a frame.
    case unplugged(path: String, midFrame: Bool)
}
