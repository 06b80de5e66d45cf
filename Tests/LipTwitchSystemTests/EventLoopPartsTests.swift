import Glibc
import LipTwitchSystem
import Synchronization
import TestSupport
import Testing

/// The pieces a poll loop is built from: poll, a cross-thread wake-up, threads, signals,
/// the monotonic clock.
@Suite struct EventLoopPartsTests {
    @Test func pollTimesOutWithNothingReady() throws {
        let notifier = try EventNotifier()
        var poll = PollSet()
        let index = poll.add(notifier.descriptor)
        #expect(try poll.wait(timeoutNanoseconds: 1_000_000) == 0)
        #expect(poll.events(at: index).isEmpty)
    }

    @Test func aNotificationFromAnotherThreadWakesThePoll() throws {
        let notifier = try EventNotifier()
        let thread = try SystemThread(name: "notify") { notifier.notify() }
        var poll = PollSet()
        let index = poll.add(notifier.descriptor)
        #expect(try poll.wait(timeoutNanoseconds: 10_000_000_000) == 1)
        #expect(poll.events(at: index).contains(.readable))
        thread.join()
        notifier.drain()
        #expect(try poll.wait(timeoutNanoseconds: 0) == 0, "drained")
    }

    @Test func joinWaitsForTheThreadToEnd() throws {
        let ran = Mutex(false)
        let thread = try SystemThread(name: "join-waits") { ran.withLock { $0 = true } }
        thread.join()
        thread.join()
        #expect(ran.withLock { $0 })
        // Other tests start and end threads meanwhile: look for this one by its name, not
        // at the process's thread count. The kernel drops the task a moment after the join.
        try eventually { guard !ProcessFacts.threadNames.contains("join-waits") else { throw ThreadStillThere() } }
    }

    private struct ThreadStillThere: Error {}

    @Test func aBlockedSignalIsTakenWhenAskedFor() {
        let waiter = SignalWaiter(signals: [SIGUSR2])
        #expect(waiter.wait(timeoutNanoseconds: 1_000_000) == nil)
        pthread_kill(pthread_self(), SIGUSR2)
        #expect(waiter.wait(timeoutNanoseconds: 10_000_000_000) == SIGUSR2)
    }

    @Test func theMonotonicClockNeverGoesBack() {
        var previous = MonotonicClock.nanoseconds()
        for _ in 0..<1000 {
            let now = MonotonicClock.nanoseconds()
            #expect(now >= previous)
            previous = now
        }
    }

}
