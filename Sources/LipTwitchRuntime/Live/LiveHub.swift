import LipTwitchLive
import Logging
import NIOCore

/// The live stream's clients and what each is owed, confined to the server's event loop:
/// every line goes to the clients whose filter admits it, each client's unsent bytes are
/// bounded, and a client that falls further behind is dropped, never waited for.
final class LiveHub {
    private struct Client {
        let channel: any Channel
        var filter = LiveFilter.all
        /// Bytes handed to the channel and not yet taken by the kernel.
        var pending = 0
    }

    private let eventLoop: any EventLoop
    private let versionLine: LiveLine
    private let queueCapacity: Int
    private let logger: Logger
    private let publishCounts: @Sendable (LiveHubCounts) -> Void
    private var clients: [ObjectIdentifier: Client] = [:]
    /// Per sensor session, the lines a client joining now needs to know where things are.
    private var snapshots: [Int: [LiveLine]] = [:]
    private var counts = LiveHubCounts()

    init(
        eventLoop: any EventLoop, versionLine: LiveLine, queueCapacity: Int, logger: Logger,
        publishCounts: @escaping @Sendable (LiveHubCounts) -> Void
    ) {
        self.eventLoop = eventLoop
        self.versionLine = versionLine
        self.queueCapacity = queueCapacity
        self.logger = logger
        self.publishCounts = publishCounts
    }

    /// A client connected: the version line, then the state of every sensor.
    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        clients[id] = Client(channel: channel)
        counts.clients = clients.count
        publishCounts(counts)
        send(versionLine, to: id)
        for line in snapshots.keys.sorted().flatMap({ snapshots[$0]! }) { send(line, to: id) }
    }

    func remove(_ channel: any Channel) {
        guard clients.removeValue(forKey: ObjectIdentifier(channel)) != nil else { return }
        counts.clients = clients.count
        publishCounts(counts)
    }

    /// The client sent a line: a filter request, or something the hub answers with an
    /// error line before it hangs up.
    func request(_ line: ByteBuffer, from channel: any Channel) {
        let id = ObjectIdentifier(channel)
        do {
            clients[id]?.filter = try LiveFilter(request: line.readableBytesView)
        } catch {
            logger.info("a watch client sent a request the daemon cannot take", metadata: ["reason": "\(error)"])
            send(LiveLine.error(error.description), to: id)
            channel.close(mode: .output, promise: nil)
        }
    }

    func broadcast(_ line: LiveLine) {
        for (id, client) in clients where client.filter.admits(line.liveClass, sensor: line.sensor) {
            send(line, to: id)
        }
    }

    /// Ends every client's stream once what it is owed is sent; returns when all are closed.
    func closeAll() -> EventLoopFuture<Void> {
        let closed = clients.values.map { client in
            client.channel.close(mode: .output, promise: nil)
            return client.channel.closeFuture
        }
        return EventLoopFuture.andAllComplete(closed, on: eventLoop)
    }

    /// Closes the clients still open, whatever they are owed.
    func forceCloseAll() {
        for client in clients.values { client.channel.close(promise: nil) }
    }

    /// Keeps what a newcomer must see of sensor session `session` (nil: forget it).
    func setSnapshot(_ lines: [LiveLine]?, session: Int) {
        snapshots[session] = lines
    }

    private func send(_ line: LiveLine, to id: ObjectIdentifier) {
        guard var client = clients[id] else { return }
        // One line is always taken, however long; more only while they fit.
        guard client.pending == 0 || client.pending + line.bytes.count <= queueCapacity else {
            drop(id, behind: client.pending)
            return
        }
        client.pending += line.bytes.count
        clients[id] = client
        let count = line.bytes.count
        let hub = NIOLoopBound(self, eventLoop: eventLoop)
        client.channel.writeAndFlush(client.channel.allocator.buffer(bytes: line.bytes)).whenComplete { _ in
            hub.value.clients[id]?.pending -= count
        }
    }

    private func drop(_ id: ObjectIdentifier, behind pending: Int) {
        guard let client = clients.removeValue(forKey: id) else { return }
        counts.clients = clients.count
        counts.dropped += 1
        publishCounts(counts)
        logger.warning(
            "dropped a watch client that fell \(pending) bytes behind (it stopped reading; \(counts.dropped) dropped since the daemon started)")
        client.channel.close(promise: nil)
    }
}
