import Foundation
import TestSupport

/// A program running in the background whose standard output is collected line by line as
/// it comes, for tests that act while it runs (follow it, kill it).
final class RunningProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var output = Data()
    private var ended = false
    private let arrived = DispatchSemaphore(value: 0)

    init(_ program: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = program
        process.arguments = arguments
        process.environment = PinnedClock.processEnvironment(environment)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reading = pipe.fileHandleForReading
        Thread { [self] in
            while true {
                let chunk = reading.availableData
                lock.withLock {
                    if chunk.isEmpty { ended = true } else { output.append(chunk) }
                }
                arrived.signal()
                if chunk.isEmpty { return }
            }
        }.start()
    }

    /// The complete lines printed so far.
    var lines: [String] {
        lock.withLock {
            let text = String(decoding: output, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.removeLast()
            return lines
        }
    }

    /// Waits until at least `count` lines have come (or the output ended, or `timeout`
    /// seconds passed), and returns them all.
    @discardableResult
    func waitForLines(_ count: Int, timeout: TimeInterval = 30) -> [String] {
        let deadline = ContinuousClock.now.advanced(by: .seconds(timeout))
        while lines.count < count, !lock.withLock({ ended }), ContinuousClock.now < deadline {
            _ = arrived.wait(timeout: .now() + 1)
        }
        return lines
    }

    /// Sends `signal` and waits for the program to end; returns all it printed. (Children
    /// of the test process inherit its blocked signals, SIGTERM and SIGINT among them:
    /// stop them with SIGKILL.)
    @discardableResult
    func stop(with signal: Int32) -> [String] {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        waitForLines(Int.max, timeout: 30)
        return lines
    }

    /// Waits for the program to end by itself; returns its exit status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
