import LipTwitchLink
import LipTwitchSystem

/// Holds a replay to `speed` times real time: waits until the wall clock catches up with
/// each record's time (scaled), and gives up when Ctrl-C or SIGTERM comes.
final class ReplayPacer {
    let speed: Double
    private let signals: SignalWaiter
    private var captureStart = HostTime.zero
    private var wallStart: Int64 = 0

    init(speed: Double, signals: SignalWaiter) {
        self.speed = speed
        self.signals = signals
    }

    /// The capture's time `captureStart` is now.
    func start(at captureStart: HostTime) {
        self.captureStart = captureStart
        wallStart = MonotonicClock.nanoseconds()
    }

    /// Waits until the capture's time `time` comes; false when a signal came first.
    func wait(until time: HostTime) -> Bool {
        let due = wallStart + Int64(Double((time - captureStart).nanoseconds) / speed)
        let left = due - MonotonicClock.nanoseconds()
        guard left > 0 else { return true }
        return signals.wait(timeoutNanoseconds: left) == nil
    }
}
