/// One thing `liptwitch doctor` checked: what it found, in a sentence, and for a problem
/// the exact command that fixes it.
public struct DoctorFinding: Sendable, Equatable {
    /// How a check came out.
    public enum Status: String, Sendable {
        /// All is well.
        case ok
        /// Worth knowing, but nothing stops the sensor working (no sensor plugged in, the
        /// service not enabled).
        case warning
        /// This stops the sensor working, or exposes the journal: `fix` says what to do.
        case problem
        /// Not checked here, and why (`--no-handshake`, no systemd).
        case skipped
    }

    /// A stable word for scripts: `udev_rule`, `port_access`, `modem_manager`, ...
    public var check: String
    /// The port or directory it is about, when there is one.
    public var subject: String?
    public var status: Status
    public var message: String
    /// The command that fixes it, for a problem or a warning.
    public var fix: String?

    public init(_ check: String, subject: String? = nil, _ status: Status, _ message: String, fix: String? = nil) {
        self.check = check
        self.subject = subject
        self.status = status
        self.message = message
        self.fix = fix
    }
}
