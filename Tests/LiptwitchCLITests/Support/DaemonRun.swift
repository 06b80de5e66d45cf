import Foundation
import TestSupport

/// A virtual sensor and `liptwitch daemon` recording it, as two processes beside the test,
/// with the journal, the live socket and the captures in a temporary directory; and the
/// ways a test looks at what came of it.
final class DaemonRun {
    let directory: TemporaryDirectory
    let sensor: BackgroundLiptwitch
    let daemon: BackgroundLiptwitch
    var socket: String { directory.path + "/live.sock" }
    var journal: String { directory.path + "/journal" }
    var captures: String { directory.path + "/captures" }
    /// Where the daemon looks for the calibration profile (`$XDG_CONFIG_HOME/liptwitch`).
    var profilePath: String { directory.path + "/config/liptwitch/profile.json" }

    /// `sensorArguments` replace the virtual sensor's scenario (`--board openbci-cyton
    /// --scenario clusters`); `daemonArguments` come after the device, socket, journal and
    /// capture options;
    /// `wrapper` runs the daemon through another program (`prlimit --fsize=1`); `profile`,
    /// the JSON of a calibration profile, is put where the daemon reads it.
    init(
        seed: Int = 7, sensorArguments: [String] = ["--scenario", "clean"], daemonArguments: [String] = [], environment: [String: String] = [:],
        wrapper: [String] = [], profile: String? = nil
    ) throws {
        directory = try TemporaryDirectory()
        let port = directory.path + "/sensor"
        sensor = try BackgroundLiptwitch(
            ["simulate"] + sensorArguments + ["--symlink", port, "--seed", "\(seed)", "--ground-truth", directory.path + "/truth.jsonl"],
            in: directory, name: "simulate")
        try eventually { _ = try FileManager.default.destinationOfSymbolicLink(atPath: port) }
        try FileManager.default.createDirectory(atPath: directory.path + "/captures", withIntermediateDirectories: false)
        let arguments = DaemonArguments.with([
            "--device", port, "--socket", directory.path + "/live.sock", "--journal",
            directory.path + "/journal", "--capture", directory.path + "/captures",
        ] + daemonArguments)
        // No calibration profile of the machine's user: only the test's own, if any.
        if let profile {
            let configuration = directory.path + "/config/liptwitch"
            try FileManager.default.createDirectory(atPath: configuration, withIntermediateDirectories: true)
            try Data(profile.utf8).write(to: URL(fileURLWithPath: configuration + "/profile.json"))
        }
        let environment = environment.merging(["XDG_CONFIG_HOME": directory.path + "/config"]) { $1 }
        daemon = try BackgroundLiptwitch(
            wrapper.isEmpty ? arguments : wrapper + [LiptwitchProcess.executable.path] + arguments, in: directory,
            name: "daemon", environment: environment, keepStandardError: true,
            program: wrapper.isEmpty ? LiptwitchProcess.executable : URL(fileURLWithPath: "/usr/bin/env"))
        try eventually { guard FileManager.default.fileExists(atPath: socket) else { throw Missing(what: "socket") } }
    }

    deinit {
        daemon.finish()
        sensor.finish()
    }

    /// `liptwitch watch --json` on the daemon's socket, with `arguments`.
    func watch(_ arguments: [String] = [], name: String = "watch") throws -> BackgroundLiptwitch {
        try BackgroundLiptwitch(["watch", "--json", "--socket", socket] + arguments, in: directory, name: name)
    }

    /// The JSON objects of every line in the journal's files, in order.
    func journalRecords() throws -> [[String: Any]] {
        try journalLines().map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw Missing(what: "a JSON object in the journal line \(line)")
            }
            return object
        }
    }

    /// Every line of the journal, oldest file first.
    func journalLines() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: journal).filter { $0.hasSuffix(".jsonl") }.sorted()
        return try files.flatMap { file in
            try String(contentsOfFile: journal + "/" + file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    struct Missing: Error {
        let what: String
    }
}

/// The JSON objects of the lines `text` holds (lines that are not JSON objects left out).
func jsonObjects(_ text: String) -> [[String: Any]] {
    text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}

extension [[String: Any]] {
    /// Those of `class`.
    func of(_ className: String) -> [[String: Any]] {
        filter { $0["class"] as? String == className }
    }
}

/// An episode without what only says where it was written (id, source, session, clock):
/// what the detector found and when, on the session's anchor, it was written, for
/// comparing a live run with a replay of its capture.
func detection(_ episode: [String: Any]) -> NSDictionary {
    var episode = episode
    for key in ["id", "source", "session", "boot_id", "mono_ns", "format"] { episode[key] = nil }
    return episode as NSDictionary
}
