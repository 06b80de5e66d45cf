/// What happened at a sensor's port, as the link's thread saw it: the raw material of a
/// capture (`docs/CAPTURE.md`) and the input of `SensorPipeline`. Each comes with the host
/// monotonic time it happened at.
public enum PortActivity: Sendable, Equatable {
    /// The port was opened (a new connection to the sensor).
    case opened(path: String)
    /// One read returned these bytes (never empty).
    case read([UInt8])
    /// The sensor went away from the open port: EIO, ENODEV, end of file, POLLHUP or a
    /// failed write, and the link's words for it.
    case hungUp(String)
    /// The link closed the port itself (the handshake was given up, the sensor is
    /// incompatible, the link stopped), or closed it after a hang-up.
    case closed
}
