import Foundation
import TestSupport

/// A `liptwitch` process running beside a test (a virtual sensor, a first link), with its
/// standard output collected in a file the test can watch; SIGTERM and a wait on `finish()`.
/// Its standard error is kept too (`NAME.err`) when asked, read through a pipe (so that a
/// process under a file size limit can still write it), and `environment` is added to the
/// test's own and the pinned date (`PinnedClock`); `program` may be a program that runs liptwitch (`prlimit`).
final class BackgroundLiptwitch {
    let process = Process()
    let outputPath: String
    let errorPath: String
    /// Whether the process was launched: one that never started has nothing to wait for
    /// (waiting on it would stop the whole test run).
    private var started = false

    init(
        _ arguments: [String], in directory: TemporaryDirectory, name: String, environment: [String: String] = [:],
        keepStandardError: Bool = false, program: URL = LiptwitchProcess.executable
    ) throws {
        outputPath = directory.path + "/\(name).out"
        errorPath = directory.path + "/\(name).err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = program
        process.arguments = arguments
        process.environment = PinnedClock.processEnvironment(environment)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        if keepStandardError {
            let pipe = Pipe()
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil } else { try? file.write(contentsOf: data) }
            }
            process.standardError = pipe
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        started = true
    }

    /// What it wrote on standard error so far (with `keepStandardError`).
    var errorOutput: String {
        (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    }

    /// Waits (up to `seconds`) until its standard error contains `text`.
    func waitForError(containing text: String, seconds: Double = 30) throws {
        try eventually(within: seconds) {
            guard errorOutput.contains(text) else { throw OutputMissing(text: text) }
        }
    }

    /// Sends `signal` and waits for the exit; returns the exit status (-1 if it never started).
    func finish(with signal: Int32) -> Int32 {
        guard started else { return -1 }
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        finish()
    }

    /// What it printed so far.
    var output: String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Waits (up to `seconds`) until its output contains `text`.
    func waitForOutput(containing text: String, seconds: Double = 20) throws {
        try eventually(within: seconds) {
            guard output.contains(text) else { throw OutputMissing(text: text) }
        }
    }

    /// Sends SIGTERM and waits for the exit; returns the exit status (-1 if it never started).
    @discardableResult
    func finish() -> Int32 {
        guard started else { return -1 }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct OutputMissing: Error {
        let text: String
    }
}
