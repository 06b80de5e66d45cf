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
        let before = ProcessFacts.threads
        let ran = Mutex(false)
        let thread = try SystemThread(name: "worker") { ran.withLock { $0 = true } }
        thread.join()
        thread.join()
        #expect(ran.withLock { $0 })
        #expect(ProcessFacts.threads <= before, "the thread is gone once join returns")
    }

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
