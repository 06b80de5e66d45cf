/// A moment on the host's monotonic clock: nanoseconds since an arbitrary origin (boot, on
/// Linux). It never jumps with wall-clock changes, so it is what timeouts, stall detection
/// and the device-time mapping are measured in. The runtime reads it; the cores only take
/// it as a parameter.
public struct HostTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The origin: handy in tests, which start their clocks at zero.
    public static let zero = HostTime(nanoseconds: 0)

    /// This moment in seconds since the origin.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    public var description: String { "\(seconds) s" }

    public static func < (earlier: HostTime, later: HostTime) -> Bool {
        earlier.nanoseconds < later.nanoseconds
    }

    public static func + (time: HostTime, duration: Duration) -> HostTime {
        HostTime(nanoseconds: time.nanoseconds + duration.nanoseconds)
    }

    public static func - (later: HostTime, earlier: HostTime) -> Duration {
        .nanoseconds(later.nanoseconds - earlier.nanoseconds)
    }
}

extension Duration {
    /// This duration in whole nanoseconds (truncated).
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// This duration in seconds.
    public var seconds: Double { Double(nanoseconds) / 1e9 }
}
