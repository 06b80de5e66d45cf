import Foundation
import Testing

/// The built `liptwitch` executable running in the test bed (a child process inherits
/// umockdev's preload library and `UMOCKDEV_DIR`), read line by line as it prints, so a
/// test can wait for what a long-running command (`devices --watch`) reports.
final class LiptwitchRun {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private var pending: [UInt8] = []

    init(_ arguments: [String]) throws {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        process.executableURL = products.appendingPathComponent("liptwitch")
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { stop() }
    }

    /// The next line of standard output; nil at its end. Fails the test after `timeout`.
    func nextLine(timeout: Duration = .seconds(20)) throws -> String? {
        let descriptor = output.fileHandleForReading.fileDescriptor
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                defer { pending.removeSubrange(...newline) }
                return String(decoding: pending[..<newline], as: UTF8.self)
            }
            let left = deadline - clock.now
            try #require(left > .zero, "liptwitch printed no line within \(timeout)")
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(left.components.seconds * 1000 + 1)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self) }
            pending += chunk[..<count]
        }
    }

    /// Every remaining line, the exit status and standard error, once the command ends.
    func finish() throws -> (lines: [String], status: Int32, errors: String) {
        var lines: [String] = []
        while let line = try nextLine() { lines.append(line) }
        let errors = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (lines, process.terminationStatus, errors)
    }

    /// Ends a command that runs until interrupted, and waits for it to end. SIGKILL,
    /// because a child spawned from a test thread inherits that thread's blocked
    /// SIGINT and SIGTERM.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
