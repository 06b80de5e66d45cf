#if canImport(Glibc)
import Glibc
#endif

/// Why a serial port could not be opened, in one sentence that says what to do: the udev
/// rule or the group for a permission problem, the process to close for a busy port.
public struct SerialPortError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Equatable {
        case missing
        case permissionDenied
        case busy
        case notASerialPort
        case unsupportedBaudRate
        case other
    }

    public let kind: Kind
    public let path: String
    public let description: String

    init(_ kind: Kind, path: String, _ description: String) {
        self.kind = kind
        self.path = path
        self.description = description
    }

    /// Nothing at `path`.
    public static func missing(_ path: String) -> SerialPortError {
        SerialPortError(.missing, path: path, "no sensor at \(path): plug it in, or check the path "
            + "(liptwitch devices lists the sensors it sees)")
    }

    /// The user may not open `path`, whose node belongs to `owner`:`group` with `mode`.
    public static func permissionDenied(_ path: String, owner: String, group: String, mode: UInt32)
        -> SerialPortError
    {
        let groupCanWrite = mode & 0o060 == 0o060
        let joinGroup = groupCanWrite ? group : "dialout"
        return SerialPortError(.permissionDenied, path: path,
            "cannot open \(path): permission denied (it belongs to \(owner):\(group), mode "
                + "\(String(mode & 0o777, radix: 8))). Install LipTwitch's udev rule, which gives the "
                + "logged-in user access (udev/README.md): sudo install -m 0644 udev/70-liptwitch.rules "
                + "/etc/udev/rules.d/ && sudo udevadm control --reload && sudo udevadm trigger "
                + "--subsystem-match=tty --action=change; or join the \(joinGroup) group: "
                + "sudo usermod -aG \(joinGroup) $USER, then log out and back in")
    }

    /// Another process holds `path`.
    public static func busy(_ path: String, holders: [PortHolder]) -> SerialPortError {
        let who = holders.isEmpty
            ? "another program (not visible to this user; sudo fuser -v \(path) shows it)"
            : holders.map(\.description).joined(separator: ", ")
        return SerialPortError(.busy, path: path,
            "\(path) is in use by \(who): close that program or stop its service, then try again")
    }

    public static func notASerialPort(_ path: String) -> SerialPortError {
        SerialPortError(.notASerialPort, path: path,
            "\(path) is not a serial port: give the sensor's device, such as /dev/ttyACM0")
    }

    public static func unsupportedBaudRate(_ path: String, _ rate: Int) -> SerialPortError {
        SerialPortError(.unsupportedBaudRate, path: path, "the serial port \(path) does not take \(rate) baud")
    }

    /// Any other error number from opening or setting up `path`.
    static func failed(_ path: String, _ step: String, errno number: Int32) -> SerialPortError {
        SerialPortError(.other, path: path,
            "cannot \(step) \(path): \(String(cString: strerror(number)).lowercased())")
    }

    /// The error for a failed `open(2)` of `path`, looking up what the user needs to know.
    static func opening(_ path: String, errno number: Int32) -> SerialPortError {
        switch number {
        case ENOENT, ENODEV, ENXIO: return .missing(path)
        case EACCES, EPERM: return .permissionDenied(path)
        case EBUSY: return .busy(path, holders: PortHolder.holding(path))
        case EISDIR, ENOTDIR: return .notASerialPort(path)
        case ELOOP:
            return SerialPortError(.other, path: path,
                "cannot open \(path): it is a symbolic link that leads back to itself; fix the link (ls -l shows "
                    + "where it points), or give the sensor's device, such as /dev/ttyACM0")
        default: return .failed(path, "open", errno: number)
        }
    }

    /// Permission denied on `path`, with its owner, group and mode looked up.
    static func permissionDenied(_ path: String) -> SerialPortError {
        var status = stat()
        guard stat(path, &status) == 0 else { return .permissionDenied(path, owner: "?", group: "?", mode: 0) }
        let owner = getpwuid(status.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(status.st_uid)"
        let group = getgrgid(status.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "gid \(status.st_gid)"
        return .permissionDenied(path, owner: owner, group: group, mode: status.st_mode)
    }
}
