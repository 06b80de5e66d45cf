#if canImport(Glibc)
import Glibc
#endif

/// The host's monotonic clock (`CLOCK_MONOTONIC`): it never jumps with wall-clock changes,
/// so timeouts, stall detection and the device-time mapping are measured on it.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary origin (boot).
    public static func nanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
