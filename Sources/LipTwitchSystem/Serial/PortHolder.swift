#if canImport(Glibc)
import Glibc
#endif

/// A process that holds a serial port open, as `/proc` shows it: what a "busy" message
/// names so that the user knows what to close.
public struct PortHolder: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32
    /// The process's command name (`/proc/PID/comm`).
    public var command: String

    public init(pid: Int32, command: String) {
        self.pid = pid
        self.command = command
    }

    public var description: String { "\(command) (pid \(pid))" }

    /// The processes holding the device at `path`: those with a `flock` on it
    /// (`/proc/locks`, the lock a second LipTwitch or most serial tools take), else every
    /// process with it open (`/proc/*/fd`, as far as this user may look).
    public static func holding(_ path: String) -> [PortHolder] {
        var status = stat()
        guard stat(path, &status) == 0 else { return [] }
        var pids = lockHolders(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        if pids.isEmpty, let target = ProcFiles.resolve(path) { pids = openers(of: target) }
        return Set(pids).sorted().map {
            PortHolder(pid: $0, command: ProcFiles.read("/proc/\($0)/comm")?.trimmingNewline ?? "an unknown program")
        }
    }

    /// Pids with a FLOCK on the file `device`:`inode` (`/proc/locks` writes the device as
    /// hexadecimal major:minor).
    private static func lockHolders(device: UInt64, inode: UInt64) -> [Int32] {
        let major = (device >> 8) & 0xFFF | (device >> 32) & ~0xFFF
        let minor = device & 0xFF | (device >> 12) & ~0xFF
        let wanted = "\(twoHexDigits(major)):\(twoHexDigits(minor)):\(inode)"
        guard let locks = ProcFiles.read("/proc/locks") else { return [] }
        return locks.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == wanted else { return nil }
            return Int32(fields[4])
        }
    }

    /// Pids with a descriptor that leads to `target`.
    private static func openers(of target: String) -> [Int32] {
        ProcFiles.entries(of: "/proc").compactMap(Int32.init).filter { pid in
            ProcFiles.entries(of: "/proc/\(pid)/fd").contains { ProcFiles.resolve("/proc/\(pid)/fd/\($0)") == target }
        }
    }

    /// `value` in hexadecimal, at least two digits, as `/proc/locks` writes device numbers.
    private static func twoHexDigits(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }
}

extension String {
    fileprivate var trimmingNewline: String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
