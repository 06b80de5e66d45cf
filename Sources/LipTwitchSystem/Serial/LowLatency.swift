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

    /// Asks the driver of the open port `descriptor` for low latency, and sets an FTDI
    /// latency timer to 1 ms where the sysfs attribute exists and is writable. The port's
    /// sysfs directory is found from its device number, whatever path opened it (not with
    /// `realpath`, whose umockdev wrapper corrupts the heap for a pty-backed node).
    static func apply(descriptor: Int32) -> LowLatency {
        let asyncLowLatency = lt_serial_set_low_latency(descriptor) == 0
        var major: UInt32 = 0
        var minor: UInt32 = 0
        guard lt_device_number(descriptor, &major, &minor) == 0 else { return LowLatency(asyncLowLatency: asyncLowLatency) }
        let attribute = "/sys/dev/char/\(major):\(minor)/device/latency_timer"
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
