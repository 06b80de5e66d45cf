/// How a link learnt that the sensor went away from an open port.
public enum DisconnectReason: Sendable, Equatable, CustomStringConvertible {
    /// The port said so: end of file, a hang-up, or an I/O error such as EIO or ENODEV
    /// (the detail names which).
    case hungUp(String)
    /// Discovery reported the device removed (the udev remove event).
    case removed

    public var description: String {
        switch self {
        case .hungUp(let detail): detail
        case .removed: "unplugged"
        }
    }
}
