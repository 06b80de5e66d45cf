#if canImport(Glibc)
import Glibc
#endif

/// systemd's notification protocol without libsystemd (sd_notify(3)): one datagram of
/// `KEY=value` lines to the Unix socket named by `$NOTIFY_SOCKET`, a path or, when it
/// starts with `@`, a name in the abstract namespace. `READY=1` once the service is up,
/// `STATUS=…` for `systemctl status`, `WATCHDOG=1` at least every `WatchdogSec`,
/// `STOPPING=1` when it begins to stop.
public final class SystemdNotifier: Sendable {
    /// The socket address bytes (`sun_path`, the abstract namespace's leading 0 included).
    private let address: [UInt8]
    private let descriptor: Int32

    /// The notifier `$NOTIFY_SOCKET` asks for; nil when the process was not started by
    /// systemd with `Type=notify` (nothing to tell).
    public static func fromEnvironment() throws(SystemError) -> SystemdNotifier? {
        guard let path = SystemEnvironment.value("NOTIFY_SOCKET") else { return nil }
        return try SystemdNotifier(socketPath: path)
    }

    /// A notifier that sends to `socketPath` (`@name`: the abstract namespace).
    public init(socketPath: String) throws(SystemError) {
        var bytes = Array(socketPath.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        guard bytes.count < capacity, bytes.first == 0 || bytes.first == UInt8(ascii: "/") else {
            throw SystemError("use NOTIFY_SOCKET='\(socketPath)' (not a socket path)", .invalidArgument)
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SystemError("create a socket for systemd's notifications", .latest) }
        address = bytes
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Sends `state` (`READY=1`, `STATUS=streaming`, several lines at once); returns
    /// whether systemd's socket took it.
    @discardableResult
    public func send(_ state: String) -> Bool {
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { path in
            path.copyBytes(from: address)
        }
        // A path ends at its terminating 0; an abstract name is exactly its bytes.
        let length = MemoryLayout.offset(of: \sockaddr_un.sun_path)! + address.count + (address.first == 0 ? 0 : 1)
        let message = Array(state.utf8)
        let sent = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                message.withUnsafeBytes { bytes in
                    sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), address, socklen_t(length))
                }
            }
        }
        return sent == message.count
    }

    /// How often systemd wants `WATCHDOG=1`: half of `$WATCHDOG_USEC` (as sd_watchdog_enabled(3)
    /// advises), when it is set for this process (`$WATCHDOG_PID`, if given, is this process);
    /// nil otherwise.
    public static var watchdogInterval: Duration? {
        guard let text = SystemEnvironment.value("WATCHDOG_USEC"), let micros = Int64(text), micros > 0 else {
            return nil
        }
        if let pid = SystemEnvironment.value("WATCHDOG_PID"), Int32(pid) != getpid() { return nil }
        return .microseconds(micros / 2)
    }
}
