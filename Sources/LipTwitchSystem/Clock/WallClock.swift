import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The host's clocks as the journal needs them: wall-clock time with the local zone's UTC
/// offset (from `TZ` or `/etc/localtime`), and the boot the monotonic clock counts from
/// (`MonotonicClock`).
public enum WallClock {
    /// Now: milliseconds since the epoch, and the local UTC offset in minutes.
    public static func now() -> (epochMilliseconds: Int64, utcOffsetMinutes: Int) {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        let milliseconds = Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
        return (milliseconds, utcOffsetMinutes(atEpochMilliseconds: milliseconds))
    }

    /// The local zone's offset from UTC at an instant, in whole minutes, within ±23:59.
    public static func utcOffsetMinutes(atEpochMilliseconds milliseconds: Int64) -> Int {
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        var fields = tm()
        guard localtime_r(&seconds, &fields) != nil else { return 0 }
        return max(-1439, min(1439, fields.tm_gmtoff / 60))
    }

    /// This boot's id (`/proc/sys/kernel/random/boot_id`), or nil where there is none.
    public static let bootID: String? = {
        guard
            let descriptor = try? FileDescriptor.open(
                "/proc/sys/kernel/random/boot_id", .readOnly, options: [.closeOnExec], retryOnInterrupt: true)
        else { return nil }
        defer { try? descriptor.close() }
        var buffer = [UInt8](repeating: 0, count: 64)
        guard let count = try? buffer.withUnsafeMutableBytes({ try descriptor.read(into: $0, retryOnInterrupt: true) })
        else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).first.map(String.init)
    }()
}
