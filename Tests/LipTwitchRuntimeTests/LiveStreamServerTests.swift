import Foundation
import LipTwitchLive
import LipTwitchRuntime
import LipTwitchSystem
import Logging
import Testing
import TestSupport

/// The live stream's server on a real Unix socket, with clients that are raw sockets: what
/// each gets, in which order, and who is dropped.
@Suite struct LiveStreamServerTests {
    private static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    private static func line(_ liveClass: LiveClass, _ sensor: String?, _ n: Int) -> LiveLine {
        LiveLine(liveClass, sensor: sensor, text: #"{"class":"\#(liveClass.rawValue)","n":\#(n)}"#)
    }

    private static func server(in directory: TemporaryDirectory, queue: Int = 1 << 20) async throws -> LiveStreamServer {
        let listener = try UnixListener(path: directory.path + "/live.sock", privateDirectory: false)
        return try await LiveStreamServer(
            listener: listener, versionLine: .version(daemon: "test", session: "s", pid: 1), queueCapacity: queue,
            logger: logger)
    }

    @Test func aClientGetsTheVersionThenTheSnapshotThenWhatItAskedFor() async throws {
        let directory = try TemporaryDirectory()
        let server = try await Self.server(in: directory)
        server.setSnapshot([Self.line(.device, "LT-1", 0), Self.line(.link, "LT-1", 0)], session: 1)
        let client = try LineClient(path: directory.path + "/live.sock")
        #expect(client.wait { $0.count == 3 })
        client.send(LiveFilter(classes: [.episode], devices: ["LT-1"]).requestLine)
        // The request takes effect when the hub has read it: a level, then an episode, until
        // an episode arrives without its level before it.
        var n = 0
        try eventually {
            n += 1
            server.publish(Self.line(.level, "LT-1", n))
            server.publish(Self.line(.episode, "LT-1", n))
            let episode = String(decoding: Self.line(.episode, "LT-1", n).bytes.dropLast(), as: UTF8.self)
            guard client.wait(until: { $0.last == episode }),
                client.lines.dropLast().last?.contains("\"n\":\(n)}") == false
            else { throw LineClient.Missing() }
        }
        let before = client.lines.count
        for (liveClass, sensor) in [(LiveClass.level, "LT-1"), (.episode, "LT-2"), (.gap, "LT-1"), (.episode, "LT-1")] {
            n += 1
            server.publish(Self.line(liveClass, sensor, n))
        }
        #expect(client.wait { $0.last?.contains("\"n\":\(n)}") == true })
        let lines = client.lines
        #expect(lines[0].hasPrefix(#"{"class":"version","protocol":"1.0","daemon":"test""#))
        #expect(lines[1].hasPrefix(#"{"class":"device""#) && lines[2].hasPrefix(#"{"class":"link""#))
        #expect(lines.count == before + 1, "only LT-1's episode passes: \(lines)")
        #expect(server.counts.clients == 1 && server.counts.dropped == 0)
        await server.shutdown()
        #expect(client.waitForEnd())
    }

    /// Issue #19: the socket listens before the server is built (the daemon starting), and
    /// a client that connects and asks in that moment is served like any other.
    @Test func aClientThatConnectsBeforeTheServerIsUpIsServed() async throws {
        let directory = try TemporaryDirectory()
        let listener = try UnixListener(path: directory.path + "/live.sock", privateDirectory: false)
        let client = try LineClient(path: directory.path + "/live.sock")
        client.send(LiveFilter(classes: [.episode]).requestLine)
        let server = try await LiveStreamServer(
            listener: listener, versionLine: .version(daemon: "test", session: "s", pid: 1), queueCapacity: 1 << 20,
            logger: Self.logger)
        #expect(client.wait { $0.first?.hasPrefix(#"{"class":"version""#) == true })
        // Its request takes effect: levels are held back, episodes come.
        var n = 0
        try eventually {
            n += 1
            server.publish(Self.line(.level, "LT-1", n))
            server.publish(Self.line(.episode, "LT-1", n))
            guard client.wait(until: { $0.last?.contains(#""class":"episode","n":\#(n)}"#) == true }),
                client.lines.dropLast().last?.contains("\"n\":\(n)}") == false
            else { throw LineClient.Missing() }
        }
        #expect(server.counts.clients == 1)
        await server.shutdown()
        #expect(client.waitForEnd())
    }

    /// A sensor's link line, kept for newcomers as it is sent: a client connected before
    /// gets it as it happens, one connecting after in its snapshot; each exactly once.
    @Test func aKeptLineReachesEveryClientOnceLiveOrInTheSnapshot() async throws {
        let directory = try TemporaryDirectory()
        let server = try await Self.server(in: directory)
        let before = try LineClient(path: directory.path + "/live.sock")
        #expect(before.wait { $0.count == 1 })
        let device = Self.line(.device, "LT-1", 1)
        server.publish(device, snapshot: [device], session: 1)
        let link = Self.line(.link, "LT-1", 2)
        server.publish(link, snapshot: [device, link], session: 1)
        let after = try LineClient(path: directory.path + "/live.sock")
        #expect(after.wait { $0.count == 3 }, "the version, then the snapshot")
        server.publish(Self.line(.level, "LT-1", 3))
        let expected = [device, link, Self.line(.level, "LT-1", 3)].map { String(decoding: $0.bytes.dropLast(), as: UTF8.self) }
        for client in [before, after] {
            #expect(client.wait { $0.count == 4 })
            #expect(Array(client.lines.dropFirst()) == expected, "\(client.lines)")
        }
        await server.shutdown()
    }

    @Test func aRequestTheDaemonCannotTakeIsAnsweredAndTheClientHungUpOn() async throws {
        let directory = try TemporaryDirectory()
        let server = try await Self.server(in: directory)
        let client = try LineClient(path: directory.path + "/live.sock")
        client.send(#"{"class":"watch","classes":["weather"]}"# + "\n")
        #expect(client.waitForEnd())
        #expect(client.lines.last?.hasPrefix(#"{"class":"error","message":"there is no class \"weather\""#) == true)
        await server.shutdown()
    }

    @Test func aClientThatDoesNotReadIsDroppedAndTheOthersKeepTheirLines() async throws {
        let directory = try TemporaryDirectory()
        let server = try await Self.server(in: directory, queue: 4096)
        let stuck = try LineClient(path: directory.path + "/live.sock", reading: false)
        let reader = try LineClient(path: directory.path + "/live.sock")
        #expect(reader.wait { $0.count == 1 })
        let padding = String(repeating: "x", count: 1000)
        var n = 0
        try eventually {
            server.publish(LiveLine(.level, sensor: "LT-1", text: #"{"class":"level","n":\#(n),"pad":"\#(padding)"}"#))
            n += 1
            guard server.counts.dropped == 1 else { throw LineClient.Missing() }
        }
        #expect(server.counts.clients == 1)
        #expect(reader.wait { $0.count == n + 1 }, "the reader got every line: \(reader.lines.count) of \(n + 1)")
        let hungUp: Bool? = try? eventually {
            guard !stuck.isOpen else { throw LineClient.Missing() }
            return true
        }
        #expect(hungUp == true, "the stuck client is hung up on")
        await server.shutdown()
    }
}
