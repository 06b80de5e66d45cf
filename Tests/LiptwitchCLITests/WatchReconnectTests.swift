import Foundation
import Testing
import TestSupport

/// `liptwitch watch --reconnect` against real daemons: it waits for the first, and for the
/// next after one is killed.
@Suite struct WatchReconnectTests {
    @Test func aWatcherWaitsForTheDaemonAndComesBackAfterItIsKilled() throws {
        let directory = try TemporaryDirectory()
        let port = directory.path + "/sensor"
        let socket = directory.path + "/live.sock"
        let sensor = try BackgroundLiptwitch(
            ["simulate", "--scenario", "clean", "--symlink", port, "--seed", "4"], in: directory, name: "simulate")
        defer { sensor.finish() }
        try eventually { _ = try FileManager.default.destinationOfSymbolicLink(atPath: port) }
        let watch = try BackgroundLiptwitch(
            ["watch", "--json", "--reconnect", "--only", "link", "--socket", socket], in: directory, name: "watch",
            keepStandardError: true)
        try watch.waitForError(containing: "waiting for a daemon at \(socket)")
        func daemon(_ name: String) throws -> BackgroundLiptwitch {
            try BackgroundLiptwitch(
                DaemonArguments.with(["--device", port, "--socket", socket, "--journal", directory.path + "/journal"]),
                in: directory, name: name, environment: ["XDG_CONFIG_HOME": directory.path + "/config"])
        }
        let first = try daemon("first")
        try watch.waitForOutput(containing: #""event":"streaming""#, seconds: 60)
        _ = first.finish(with: SIGKILL)
        try watch.waitForError(containing: "the daemon ended the stream (it stopped); waiting for it to come back")
        let streamedBefore = watch.output.components(separatedBy: #""event":"streaming""#).count - 1
        // A daemon killed leaves its socket file; the next one replaces it (docs/DAEMON.md).
        let second = try daemon("second")
        try eventually(within: 60) {
            guard watch.output.components(separatedBy: #""event":"streaming""#).count - 1 > streamedBefore else {
                throw BackgroundLiptwitch.OutputMissing(text: "a second streaming event")
            }
        }
        #expect(watch.errorOutput.contains("connected to the daemon at \(socket)"))
        #expect(watch.process.isRunning, "the watcher carried on")
        #expect(second.finish() == 0)
        try watch.waitForError(containing: "the daemon ended the stream (it stopped); waiting", seconds: 30)
        #expect(watch.finish(with: SIGINT) == 0, "Ctrl-C while it waits ends it plainly")
    }
}
