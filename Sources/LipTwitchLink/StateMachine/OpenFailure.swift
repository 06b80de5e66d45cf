/// Why a port could not be opened: the kind decides nothing in the link (it retries them
/// all, since a device can come back, a permission be granted, a holder let go), but says
/// what happened; the message is the system layer's sentence, with what to do.
public struct OpenFailure: Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: String, Sendable {
        /// Nothing at the path (not plugged in, or a stale link).
        case missing
        /// The user may not open it: the udev rule or the dialout group is missing.
        case permissionDenied = "permission_denied"
        /// Another process holds it.
        case busy
        /// The path is not a serial port.
        case notASerialPort = "not_a_serial_port"
        /// Anything else the kernel said.
        case other
    }

    public var kind: Kind
    /// One sentence for people: what failed and what to do.
    public var message: String

    public init(_ kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
