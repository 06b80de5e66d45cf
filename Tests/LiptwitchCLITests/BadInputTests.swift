import Foundation
import Testing
import TestSupport

/// Bad input to every command: one clear sentence, a non-zero exit where nothing useful
/// could be done, and never a crash or a stack trace.
@Suite struct BadInputTests {
    /// Every subcommand `liptwitch --help` lists, and theirs (`journal show`), so that a
    /// command added later is covered without a line here.
    static let commands: [[String]] = {
        func subcommands(of path: [String]) -> [[String]] {
            guard let help = try? LiptwitchProcess.run(path + ["--help"]) else { return [] }
            let text = String(decoding: help.standardOutput, as: UTF8.self)
            guard let section = text.components(separatedBy: "SUBCOMMANDS:").dropFirst().first else { return [] }
            // `  devices          List…` or `  show (default)   Show…`; not `  See 'liptwitch help…'`.
            let names = section.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                let name = line.dropFirst(2).prefix { $0.isLowercase || $0 == "-" }
                let rest = line.dropFirst(2 + name.count)
                guard !name.isEmpty, rest.isEmpty || rest.hasPrefix("  ") || rest.hasPrefix(" (default)") else {
                    return nil
                }
                return String(name)
            }
            return names.flatMap { [path + [$0]] + (path.isEmpty ? subcommands(of: path + [$0]) : []) }
        }
        return subcommands(of: [])
    }()

    /// What a crash or an uncaught error would print.
    private func expectNoCrash(_ result: LiptwitchProcess.Result, _ arguments: [String]) {
        for marker in ["Fatal error", "Stack dump", "Backtrace", "Swift runtime failure", "Current stack trace"] {
            #expect(!result.standardError.contains(marker), "liptwitch \(arguments): \(result.standardError)")
        }
        #expect(result.status != 0 || result.standardError.split(separator: "\n").count <= 3)
    }

    @Test func everyCommandIsListed() {
        let names = Set(Self.commands.map { $0.joined(separator: " ") })
        for name in ["daemon", "watch", "demo", "journal", "journal show", "note", "decode", "simulate", "link"] {
            #expect(names.contains(name), "\(names.sorted())")
        }
    }

    /// An unknown option (or, first, a missing required argument) is a usage error: the
    /// sentence, the usage line, exit status 64.
    @Test(arguments: commands)
    func anUnknownOptionIsAUsageError(command: [String]) throws {
        let arguments = command + ["--no-such-option"]
        let result = try LiptwitchProcess.run(arguments)
        #expect(result.status == 64, "liptwitch \(arguments): \(result.standardError)")
        #expect(result.standardError.hasPrefix("Error: "), "\(result.standardError)")
        #expect(result.standardError.contains("Usage: liptwitch \(command.joined(separator: " "))"), "\(result.standardError)")
        expectNoCrash(result, arguments)
        let bare = try LiptwitchProcess.run(command + ["--help"])
        #expect(bare.status == 0 && String(decoding: bare.standardOutput, as: UTF8.self).contains("USAGE"))
    }

    /// A case: the arguments (`DIR` is a temporary directory holding `garbage/2026-11.jsonl`,
    /// a journal of garbage, and `cut.ltcap`, half of a capture), the exit status, and what
    /// the message must say.
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let status: Int32
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["decode", "DIR/missing.bin"], status: 1, message: "no such file or directory"),
        Case(arguments: ["analyze", "DIR/missing.csv"], status: 1, message: "no such file or directory"),
        Case(arguments: ["replay", "DIR/cut.ltcap", "--profile", "DIR/none.json"], status: 1,
             message: "there is no profile at"),
        Case(arguments: ["calibrate", "DIR/missing.csv", "--out", "DIR/p.json"], status: 1,
             message: "no such file or directory"),
        Case(arguments: ["calibrate", "DIR/cut.ltcap", "--out", "DIR/p.json"], status: 1, message: "ends early"),
        Case(arguments: ["calibrate", "--device", "DIR/missing", "--out", "DIR/p.json"], status: 1,
             message: "no sensor at"),
        Case(arguments: ["calibrate", "DIR/x.csv", "--device", "DIR/missing"], status: 64, message: "not both"),
        Case(arguments: ["calibrate", "--presses", "2"], status: 64, message: "--presses must be between 3 and 20"),
        Case(arguments: ["calibrate", "DIR/cut.ltcap", "--capture", "DIR/c.ltcap"], status: 64,
             message: "--capture is for calibrating with the sensor"),
        Case(arguments: ["replay", "DIR/missing.ltcap"], status: 1, message: "no such file or directory"),
        Case(arguments: ["replay", "DIR/cut.ltcap"], status: 1, message: "ends early"),
        Case(arguments: ["journal", "--journal", "DIR/garbage"], status: 0, message: "skipped 2 lines: 2 unreadable"),
        Case(arguments: ["note"], status: 64, message: "write what happened"),
        Case(arguments: ["note", "x", "--at", "25:99", "--journal", "DIR/j"], status: 64, message: "--at"),
        Case(arguments: ["link", "--device", "DIR/missing"], status: 1, message: "no sensor at"),
        Case(arguments: ["capture", "--device", "DIR/missing", "--out", "DIR/x.ltcap", "--duration", "1"], status: 1,
             message: "no sensor at"),
        Case(arguments: ["devices", "--usb-id", "zz"], status: 64, message: "is not a USB id"),
        Case(arguments: ["simulate", "--rate", "0"], status: 64, message: "must be between"),
        Case(arguments: ["generate", "--scenario", "nope", "--out", "DIR/g.csv"], status: 64,
             message: "unknown scenario"),
        Case(arguments: ["generate", "--scenario", "clean", "--vary", "some", "--out", "DIR/g.csv"], status: 64,
             message: "unknown variation"),
        Case(arguments: DaemonArguments.with(["--socket", "DIR/missing/deeper/live.sock", "--journal", "DIR/j"]), status: 1,
             message: "there is no directory for the socket"),
        Case(arguments: DaemonArguments.with(["--journal", "/proc/liptwitch/journal", "--socket", "DIR/live.sock"]), status: 1,
             message: "cannot create the journal directory"),
        Case(arguments: DaemonArguments.with(["--capture", "DIR/missing", "--socket", "DIR/live.sock", "--journal", "DIR/j"]),
             status: 1, message: "create it first"),
        Case(arguments: ["daemon", "--client-queue", "0"], status: 64, message: "--client-queue must be"),
        Case(arguments: ["daemon", "--log-level", "loud"], status: 64, message: "--log-level must be"),
        // Only as root, where it is what happens (CI runs the tests as root).
    ] + (geteuid() == 0 ? [
        Case(arguments: ["daemon", "--socket", "DIR/live.sock", "--journal", "DIR/j"], status: 1,
             message: "will not run as root: run it as the person who wears the sensor"),
    ] : []) + [
        Case(arguments: ["watch", "--socket", "DIR/none.sock"], status: 1, message: "no liptwitch daemon is running"),
        Case(arguments: ["watch", "--only", "episodes"], status: 64, message: "there is no class 'episodes'"),
        Case(arguments: ["demo", "--duration", "0"], status: 64, message: "--duration must be more than 0"),
    ]

    @Test(arguments: cases)
    func badInputGetsOneClearSentence(_ badInput: Case) throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/garbage", withIntermediateDirectories: false)
        try Data("{\"class\":\"note\", garbage\nnot json at all\n".utf8)
            .write(to: URL(fileURLWithPath: directory.path + "/garbage/2026-11.jsonl"))
        let captures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/captures/clean.ltcap")
        let capture = try Data(contentsOf: captures)
        try capture.prefix(capture.count / 2).write(to: URL(fileURLWithPath: directory.path + "/cut.ltcap"))

        let arguments = badInput.arguments.map { $0.replacingOccurrences(of: "DIR", with: directory.path) }
        let result = try LiptwitchProcess.run(arguments)
        #expect(result.status == badInput.status, "liptwitch \(arguments): \(result.standardError)")
        #expect(result.standardError.contains(badInput.message), "liptwitch \(arguments): \(result.standardError)")
        if result.status != 0 && result.status != 64 {
            #expect(result.standardError.hasPrefix("Error: "), "one sentence: \(result.standardError)")
        }
        expectNoCrash(result, arguments)
    }
}
