/// How a link's stop ended, as far as the sensor is concerned.
public enum StopOutcome: String, Sendable {
    /// The sensor acknowledged STOP: it is no longer streaming.
    case acknowledged
    /// STOP was sent, but no ACK came within the shutdown timeout (the sensor stops on
    /// its own 5 s after the last heartbeat).
    case unacknowledged
    /// STOP was sent to a board that never confirms it (`DriverTraits.confirmsStop`).
    case unconfirmable
    /// No port was open.
    case noDevice = "no_device"
}
