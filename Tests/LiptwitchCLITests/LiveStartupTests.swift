import Foundation
import Glibc
import Testing
import TestSupport

/// A live-stream client that connects at the first moment the daemon's socket takes a
/// connection, while the daemon is still starting, is served like any other (issue #19:
/// a watcher reconnecting through rapid kills sat on a connection that never got a line).
@Suite struct LiveStartupTests {
    @Test func aClientThatConnectsWhileTheDaemonStartsGetsItsLines() throws {
        let directory = try TemporaryDirectory()
        let socket = directory.path + "/live.sock"
        for round in 0..<20 {
            let daemon = try BackgroundLiptwitch(
                DaemonArguments.with(["--socket", socket, "--journal", directory.path + "/journal"]), in: directory,
                name: "daemon\(round)", environment: ["XDG_CONFIG_HOME": directory.path + "/config"],
                keepStandardError: true)
            // The killed daemon's socket refuses until the next one listens on its own.
            let client = try eventually(within: 60) { try EarlyClient(socket: socket) }
            let line = try client.firstLine(within: 60)
            #expect(line.hasPrefix(#"{"class":"version""#), "round \(round): \(line)")
            #expect(line.contains(#""pid":\#(daemon.process.processIdentifier)}"#), "round \(round): \(line)")
            _ = daemon.finish(with: SIGKILL)
        }
    }
}

/// A raw client of the live stream: connects (or throws at once) and reads its first line.
private final class EarlyClient {
    private let descriptor: Int32

    init(socket path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = UnixAddress(path: path)
        guard address.connect(descriptor) == 0 else {
            let error = errno
            close(descriptor)
            throw POSIXError(.init(rawValue: error) ?? .EIO)
        }
    }

    deinit {
        close(descriptor)
    }

    /// The first line the daemon sends, waiting for it up to `seconds`.
    func firstLine(within seconds: Int32) throws -> String {
        var bytes: [UInt8] = []
        var poll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !bytes.contains(0x0A) {
            guard Glibc.poll(&poll, 1, seconds * 1000) == 1 else { throw POSIXError(.ETIMEDOUT) }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            guard count > 0 else { throw POSIXError(.ECONNRESET) }
            bytes += chunk.prefix(count)
        }
        return String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
    }
}
