import Foundation
import TestSupport

/// Runs the built `liptwitch` executable as a user would, and collects what it printed.
struct LiptwitchProcess {
    struct Result {
        let status: Int32
        let standardOutput: Data
        let standardError: String
        var outputLines: [String] {
            String(decoding: standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    /// The executable SwiftPM built next to the test bundle.
    static let executable: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("liptwitch")
    }()

    /// A program SwiftPM built next to the test bundle, such as `journal-hammer`.
    static func built(_ name: String) -> URL {
        executable.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `liptwitch arguments...` (or another `program`), feeding `input` on standard
    /// input, with `environment` added to (or, with a nil value, removed from) this
    /// process's environment and the tests' pinned date and zone (`PinnedClock`).
    static func run(
        _ arguments: [String], input: Data = Data(), environment: [String: String?] = [:], program: URL = executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = PinnedClock.processEnvironment(environment)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write and read concurrently so that neither side blocks on a full pipe.
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorReader = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: output, standardError: errorReader.text())
    }
}

/// Reads a pipe to its end on its own thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
