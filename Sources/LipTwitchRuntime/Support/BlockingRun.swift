import Dispatch

/// Runs async work to its end from synchronous code: the CLI's commands are synchronous,
/// so that the ones that take SIGINT and SIGTERM as events (`SignalWaiter`) can block them
/// on the main thread before any other thread exists; the daemon's commands run their
/// services this way, while the main thread waits.
public enum BlockingRun {
    public static func run(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Locked<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await body()
                outcome.withLock { $0 = .success(()) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        try outcome.withLock { $0 }?.get()
    }
}
