import LipTwitchSystem
import Synchronization

/// Collects what another thread reports, and lets a test wait until it has seen what it
/// expects: woken by each report, given up after a generous timeout, never a sleep.
public final class Recorder<Item: Sendable>: Sendable {
    private let items = Mutex<[Item]>([])
    private let notifier: EventNotifier

    public init() throws {
        notifier = try EventNotifier()
    }

    /// Keeps `item`; call it from any thread.
    public func record(_ item: Item) {
        items.withLock { $0.append(item) }
        notifier.notify()
    }

    /// Everything recorded so far.
    public var all: [Item] {
        items.withLock { $0 }
    }

    /// Waits until `condition` holds for what was recorded, or `seconds` pass; returns
    /// whether it held.
    @discardableResult
    public func wait(seconds: Double = 20, until condition: ([Item]) -> Bool) -> Bool {
        let deadline = MonotonicClock.nanoseconds() + Int64(seconds * 1e9)
        var poll = PollSet()
        poll.add(notifier.descriptor)
        while true {
            notifier.drain()
            if condition(all) { return true }
            let left = deadline - MonotonicClock.nanoseconds()
            guard left > 0 else { return false }
            _ = try? poll.wait(timeoutNanoseconds: left)
        }
    }
}
