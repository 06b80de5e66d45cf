/// Exponential reconnect delays: the first delay, doubled on every call up to the maximum;
/// back to the first after `reset()`. No jitter: one host reconnects to one sensor, so
/// there is no herd to spread, and the delays stay predictable in tests and logs.
struct ReconnectBackoff: Sendable {
    let initial: Duration
    let maximum: Duration
    private var failures = 0

    init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before the next attempt; each call doubles the one after.
    mutating func next() -> Duration {
        let doublings = min(failures, 30)
        failures += 1
        let delay = initial * (1 << doublings)
        return min(delay, maximum)
    }

    mutating func reset() {
        failures = 0
    }
}
