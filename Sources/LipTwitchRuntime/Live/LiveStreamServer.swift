import LipTwitchLive
import LipTwitchSystem
import Logging
import ServiceLifecycle
import NIOCore
import NIOPosix

/// The live stream (docs/LIVE.md): JSON lines to every `liptwitch watch` on a Unix socket
/// only its owner can connect to. Lines are published from any thread (the sensors'); one
/// event-loop thread of its own sends them, with a bounded queue per client (`LiveHub`).
///
/// Built on swift-nio: accepting, non-blocking partial writes, their completion (which is
/// what bounds a client's queue), half-closing and line framing are what it is made for.
public final class LiveStreamServer: Service, Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let eventLoop: any EventLoop
    private let hub: NIOLoopBound<LiveHub>
    private let serverChannel: any Channel
    private let listener: UnixListener
    private let sharedCounts: Locked<LiveHubCounts>

    /// Serves on `listener` (which it removes at shutdown); a client whose unsent lines
    /// pass `queueCapacity` bytes is dropped.
    public init(listener: UnixListener, versionLine: LiveLine, queueCapacity: Int, logger: Logger) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = group.next()
        let counts = Locked(LiveHubCounts())
        let hub = try await eventLoop.submit {
            NIOLoopBound(
                LiveHub(
                    eventLoop: eventLoop, versionLine: versionLine, queueCapacity: queueCapacity, logger: logger,
                    publishCounts: { new in counts.withLock { $0 = new } }),
                eventLoop: eventLoop)
        }.get()
        do {
            serverChannel = try await ServerBootstrap(group: group)
                .childChannelOption(.socketOption(.so_sndbuf), value: Self.socketBufferBytes)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(
                                NIOSplitLinesMessageDecoder(omittingEmptySubsequences: true),
                                maximumBufferSize: Self.maximumRequestBytes))
                        try channel.pipeline.syncOperations.addHandler(LiveClientHandler(hub: hub))
                    }
                }
                .withBoundSocket(listener.descriptor).get()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        self.group = group
        self.eventLoop = eventLoop
        self.hub = hub
        self.listener = listener
        sharedCounts = counts
    }

    /// A client's request is one short line; longer input is not a request.
    static let maximumRequestBytes = 4096
    /// The kernel's share of a client's queue: small, so that the hub's bound is what counts.
    static let socketBufferBytes: SocketOptionValue = 16 * 1024

    /// Sends `line` to every client that wants it; from any thread, in order per thread.
    public func publish(_ line: LiveLine) {
        let hub = hub
        eventLoop.execute { hub.value.broadcast(line) }
    }

    /// Sends `line` as `publish` does and, in the same turn of the event loop, keeps
    /// `snapshot` (the sensor's last device and link lines, `line` among them) for clients
    /// that connect later: every client gets `line` once, as it happens or in its snapshot.
    /// Kept in two turns, a client that connected between them would get neither.
    public func publish(_ line: LiveLine, snapshot: [LiveLine], session: Int) {
        let hub = hub
        eventLoop.execute {
            hub.value.setSnapshot(snapshot, session: session)
            hub.value.broadcast(line)
        }
    }

    /// Keeps `lines` for clients that connect later; nil forgets the session.
    public func setSnapshot(_ lines: [LiveLine]?, session: Int) {
        let hub = hub
        eventLoop.execute { hub.value.setSnapshot(lines, session: session) }
    }

    /// Clients now, and dropped since the start.
    public var counts: LiveHubCounts {
        sharedCounts.withLock { $0 }
    }

    /// Serves until the daemon shuts down, then closes (the sensors have stopped by then,
    /// so the clients get their last lines).
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Answers once the event loop has run a task: it is not stuck.
    func ping() async throws {
        try await eventLoop.submit {}.get()
    }

    /// Stops accepting, ends every client's stream after what it is owed (waiting up to
    /// `grace`), removes the socket and stops the thread.
    public func shutdown(grace: TimeAmount = .seconds(1)) async {
        let hub = hub
        try? await serverChannel.close()
        let closed = eventLoop.flatSubmit { hub.value.closeAll() }
        let deadline = eventLoop.scheduleTask(in: grace) { hub.value.forceCloseAll() }
        try? await closed.get()
        deadline.cancel()
        listener.remove()
        try? await group.shutdownGracefully()
    }
}

/// How many clients the live stream has, and how many it dropped for falling behind.
public struct LiveHubCounts: Sendable, Equatable {
    public var clients = 0
    public var dropped = 0
}
