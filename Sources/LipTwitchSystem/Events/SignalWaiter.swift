#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and SIGTERM as events rather than interruptions: the signals are blocked in the
/// calling thread and every thread it starts afterwards, and `wait(timeoutNanoseconds:)`
/// takes them when it suits. Create it first thing, before any other thread starts.
public struct SignalWaiter: Sendable {
    private let signals: [Int32]

    /// Blocks `signals` (default: SIGINT and SIGTERM).
    public init(signals: [Int32] = [SIGINT, SIGTERM]) {
        self.signals = signals
        var set = Self.set(of: signals)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits up to `timeoutNanoseconds` for one of the signals; returns its number, or nil
    /// when the time ran out.
    public func wait(timeoutNanoseconds: Int64) -> Int32? {
        var set = Self.set(of: signals)
        let deadline = MonotonicClock.nanoseconds() + max(0, timeoutNanoseconds)
        while true {
            let left = max(0, deadline - MonotonicClock.nanoseconds())
            var timeout = timespec(tv_sec: Int(left / 1_000_000_000), tv_nsec: Int(left % 1_000_000_000))
            let signal = sigtimedwait(&set, nil, &timeout)
            if signal > 0 { return signal }
            if errno != EINTR { return nil }
        }
    }

    private static func set(of signals: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }
}
