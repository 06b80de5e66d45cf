import Foundation
import LipTwitchSignals
import TestSupport

/// The bad inputs of docs/BAD-INPUT.md, made in a temporary directory: `missing.*` (not
/// there), `dir/`, `empty.*`, `random.bin` (4 KiB of seeded bytes), `cut.ltcap` (half of a
/// capture), `cut.edf` (a record cut short), `lying.ltcap` (its header claims 1 MiB of
/// fields), `lying.edf` (its header length is not what its signal count says), `nan.csv`,
/// `long.csv` (a line of 2 MiB: over the 1 MiB line limit, well short of 100 MB, which
/// would only make the test slow), `secret.*` (unreadable: mode 000, and the command runs
/// as `nobody` when the tests run as root, since root reads any file), `loop` (a symbolic
/// link to itself), and `journal/` (a journal of garbage).
final class BadInputFiles: Sendable {
    let directory: TemporaryDirectory
    var path: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory()
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures")
        let capture = try Data(contentsOf: fixtures.appendingPathComponent("captures/clean.ltcap"))
        let edf = try Data(contentsOf: fixtures.appendingPathComponent("../../Fuzz/seeds/edf/clean"))
        var lyingCapture = capture.prefix(4000)
        lyingCapture.replaceSubrange(12..<16, with: [0xff, 0xff, 0x0f, 0x00])
        var lyingEDF = edf
        lyingEDF.replaceSubrange(184..<192, with: Data("99999   ".utf8))
        var random = SignalRandom(seed: 19)
        let files: [String: Data] = [
            "empty.csv": Data(), "empty.ltcap": Data(), "empty.bin": Data(), "empty.json": Data(),
            "random.bin": Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }),
            "cut.ltcap": capture.prefix(capture.count / 2),
            "cut.edf": edf.prefix(edf.count - 100),
            "lying.ltcap": lyingCapture,
            "lying.edf": lyingEDF,
            "nan.csv": Data("time_s,emg_uv\n0,1\n0.0005,NaN\n0.001,inf\n0.0015,-inf\n".utf8),
            "long.csv": Data(("time_s,emg_uv\n0," + String(repeating: "1", count: 2 << 20) + "\n").utf8),
            "secret.csv": Data("time_s,emg_uv\n0,1\n".utf8),
            "secret.ltcap": capture,
            "journal/2026-11.jsonl": Data("{\"class\":\"note\", garbage\nnot json at all\n".utf8),
        ]
        let manager = FileManager.default
        try manager.createDirectory(atPath: path + "/dir", withIntermediateDirectories: false)
        try manager.createDirectory(atPath: path + "/journal", withIntermediateDirectories: false)
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: path + "/" + name)) }
        for name in ["secret.csv", "secret.ltcap"] { try manager.setAttributes([.posixPermissions: 0], ofItemAtPath: path + "/" + name) }
        // `nobody` must reach the unreadable files and may write its output beside them, so
        // that what stops it is the files' mode.
        try manager.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path)
        try manager.createSymbolicLink(atPath: path + "/loop", withDestinationPath: "loop")
    }

    /// Runs `liptwitch` with the row's arguments, as `nobody` for an unreadable file when
    /// this process is root, with no calibration profile but one it is given.
    func run(_ row: BadInputRow) throws -> LiptwitchProcess.Result {
        let arguments = row.arguments.map { $0.replacingOccurrences(of: "DIR", with: path) }
        let environment = ["XDG_CONFIG_HOME": path + "/config", "HOME": path]
        guard row.input == .unreadable, geteuid() == 0 else {
            return try LiptwitchProcess.run(arguments, environment: environment)
        }
        return try LiptwitchProcess.run(
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", LiptwitchProcess.executable.path] + arguments,
            environment: environment, program: URL(fileURLWithPath: "/usr/bin/setpriv"))
    }

    /// What the person saw, with this directory written `DIR`.
    func message(_ result: LiptwitchProcess.Result) -> String {
        result.standardError.replacingOccurrences(of: path, with: "DIR")
    }
}
