import Foundation
import TestSupport

/// A virtual sensor in the background, reachable at `port` (a symbolic link).
struct SimulatedSensorProcess {
    let directory: TemporaryDirectory
    let process: BackgroundLiptwitch
    var port: String { directory.path + "/sensor" }

    init(_ extra: [String] = []) throws {
        directory = try TemporaryDirectory()
        let port = directory.path + "/sensor"
        process = try BackgroundLiptwitch(
            ["simulate", "--symlink", port, "--ground-truth", directory.path + "/truth.jsonl"] + extra,
            in: directory, name: "simulate")
        try eventually { _ = try FileManager.default.destinationOfSymbolicLink(atPath: port) }
    }
}
