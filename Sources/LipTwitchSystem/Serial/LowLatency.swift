import CLinuxShims

/// What a serial port's driver allowed in the way of low latency (PROTOCOL.md section 9):
/// batches every 8 ms should arrive every 8 ms, not in bursts.
public struct LowLatency: Sendable, Equatable, CustomStringConvertible {
    /// `ASYNC_LOW_LATENCY` is set (drivers without the setting, such as ptys and CDC-ACM,
    /// say EINVAL or ENOTTY and are left as they are).
    public var asyncLowLatency: Bool
    /// An FTDI chip's latency timer, ms: what it was, and what it is now; nil when the
    /// port has none.
    public var latencyTimer: (before: Int, after: Int)?

    public static func == (left: LowLatency, right: LowLatency) -> Bool {
        left.asyncLowLatency == right.asyncLowLatency && left.latencyTimer?.before == right.latencyTimer?.before
            && left.latencyTimer?.after == right.latencyTimer?.after
    }

    public var description: String {
        var parts = [asyncLowLatency ? "low-latency mode on" : "no low-latency mode (not offered by this driver)"]
        if let timer = latencyTimer { parts.append("latency timer \(timer.before) ms → \(timer.after) ms") }
        return parts.joined(separator: ", ")
    }

    /// Asks the driver of the open port `descriptor` (at `path`) for low latency, and sets
    /// an FTDI latency timer to 1 ms where the sysfs attribute exists and is writable.
    static func apply(descriptor: Int32, path: String) -> LowLatency {
        let asyncLowLatency = lt_serial_set_low_latency(descriptor) == 0
        guard let device = ProcFiles.resolve(path), let name = device.split(separator: "/").last else {
            return LowLatency(asyncLowLatency: asyncLowLatency)
        }
        let attribute = "/sys/class/tty/\(name)/device/latency_timer"
        guard let before = ProcFiles.read(attribute).flatMap({ Int($0.filter(\.isNumber)) }) else {
            return LowLatency(asyncLowLatency: asyncLowLatency)
        }
        let after = before > 1 && ProcFiles.write("1", to: attribute) ? 1 : before
        return LowLatency(asyncLowLatency: asyncLowLatency, latencyTimer: (before, after))
    }

    init(asyncLowLatency: Bool, latencyTimer: (before: Int, after: Int)? = nil) {
        self.asyncLowLatency = asyncLowLatency
        self.latencyTimer = latencyTimer
    }
}
