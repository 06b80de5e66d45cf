import Foundation
import TestSupport

/// A `liptwitch` process running beside a test (a virtual sensor, a first link), with its
/// standard output collected in a file the test can watch; SIGTERM and a wait on `finish()`.
final class BackgroundLiptwitch {
    let process = Process()
    let outputPath: String

    init(_ arguments: [String], in directory: TemporaryDirectory, name: String) throws {
        outputPath = directory.path + "/\(name).out"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.executableURL = LiptwitchProcess.executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = FileHandle.nullDevice
        try process.run()
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

    /// Sends SIGTERM and waits for the exit; returns the exit status.
    @discardableResult
    func finish() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct OutputMissing: Error {
        let text: String
    }
}
