import Foundation

/// The C library's host tool `Firmware-Protocol/c/build/lt-crosscheck`, built with `make`
/// and driven through standard input and output.
enum CrossCheckTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let directory = TestVector.repositoryRoot.appendingPathComponent("Firmware-Protocol/c")

    /// The tool, built once per test run, or why it could not be built.
    ///
    /// The default target builds it: the Makefile names its targets by absolute path, so
    /// `make build/lt-crosscheck` would find no rule on a clean checkout (and never rebuild
    /// a stale tool).
    static let built: Result<URL, Failure> = Result { () throws(Failure) -> URL in
        let (status, output) = try run(
            URL(fileURLWithPath: "/usr/bin/env"), arguments: ["make", "-C", directory.path], input: nil)
        guard status == 0 else {
            throw Failure(description: "make -C \(directory.path) failed (exit \(status)):\n\(output)")
        }
        let tool = directory.appendingPathComponent("build/lt-crosscheck")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw Failure(description: "make -C \(directory.path) built no \(tool.path):\n\(output)")
        }
        return tool
    }

    /// Runs `lt-crosscheck mode` on `lines` and returns its output lines.
    static func run(_ mode: String, lines: [String]) throws(Failure) -> [String] {
        let tool = try built.get()
        let (status, output) = try run(tool, arguments: [mode], input: lines.map { $0 + "\n" }.joined())
        guard status == 0 else { throw Failure(description: "lt-crosscheck \(mode) exited with \(status):\n\(output)") }
        return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Runs `executable` with `input` on standard input (a file, so that no pipe can fill
    /// up), and returns its exit status and standard output (with standard error when no
    /// input is given).
    private static func run(_ executable: URL, arguments: [String], input: String?) throws(Failure) -> (Int32, String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let inputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("lt-crosscheck-\(UUID().uuidString).in")
        defer { try? FileManager.default.removeItem(at: inputFile) }
        do {
            if let input {
                try Data(input.utf8).write(to: inputFile)
                process.standardInput = try FileHandle(forReadingFrom: inputFile)
            } else {
                process.standardError = output
                process.standardInput = FileHandle.nullDevice
            }
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(executable.path) \(arguments.joined(separator: " ")): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
