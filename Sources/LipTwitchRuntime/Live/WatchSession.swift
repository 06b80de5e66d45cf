import LipTwitchLive
import LipTwitchSystem
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// `liptwitch watch`: a client of the live stream. Connects (saying plainly when no daemon
/// is there), asks for what the person wants, and shows each line: passed through as JSON,
/// or through the `WatchConsole` as plain lines or, on a terminal, with a status line
/// redrawn in place. Ends when the daemon ends the stream, on SIGINT or SIGTERM, or when
/// the daemon refuses; with `reconnect` it waits for a daemon that is not there yet, and
/// for one that went away (stopped, restarted by systemd, killed) to come back.
public final class WatchSession: Service, Sendable {
    /// How lines are shown.
    public enum Style: Sendable {
        /// The stream's JSON lines, as they come (those the filter admits).
        case json
        /// A line per detection and per change, no status line.
        case plain
        /// Plain lines plus a status line redrawn in place, this many columns wide.
        case terminal(columns: Int)
    }

    private let socketPath: String
    /// The connection made at init (nil when reconnecting: `run` connects).
    private let firstDescriptor: Int32?
    private let filter: LiveFilter
    private let style: Style
    private let readsToTheEnd: Bool
    private let reconnect: Bool
    private let failure = Locked<String?>(nil)
    private let output = Locked(TerminalOutput())

    /// How often a reconnecting session tries the socket while no daemon answers.
    public static let retryInterval: Duration = .milliseconds(500)

    /// Connects to the daemon at `socketPath` now (with `reconnect`, only when `run` starts,
    /// waiting for it as long as it takes). With `readsToTheEnd` (a console inside the
    /// daemon's own process) it reads until the daemon closes the stream, shutdown or not,
    /// so the last lines are shown too.
    public init(
        socketPath: String, filter: LiveFilter, style: Style, readsToTheEnd: Bool = false, reconnect: Bool = false
    ) throws(LiveSocketError) {
        self.socketPath = socketPath
        firstDescriptor = reconnect ? nil : try UnixConnector.connect(to: socketPath)
        self.filter = filter
        self.style = style
        self.readsToTheEnd = readsToTheEnd
        self.reconnect = reconnect
    }

    /// Why the session ended badly (the daemon refused, or speaks another version); nil
    /// when the stream ended or the person stopped it.
    public var failureMessage: String? {
        failure.withLock { $0 }
    }

    /// Runs the session alone, until the stream ends or SIGINT or SIGTERM.
    public func runUntilStopped() async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: self, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigint, .sigterm],
                logger: Logger(label: "liptwitch.watch") { _ in SwiftLogNoOpLogHandler() }))
        try await group.run()
    }

    public func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        if let firstDescriptor {
            try await stream(from: firstDescriptor, group: group)
        } else {
            while let descriptor = await waitForDaemon() {
                // A daemon that dies as the connection opens is one more that went away.
                try? await stream(from: descriptor, group: group)
                guard failure.withLock({ $0 }) == nil, !Task.isShuttingDownGracefully, !Task.isCancelled else { break }
            }
        }
        output.withLock { $0.finish() }
        try? await group.shutdownGracefully()
        // Inside the daemon's group the stream ends during its shutdown, before this
        // service's turn: it returns when its turn comes.
        if readsToTheEnd { try? await gracefulShutdown() }
    }

    /// Connects once a daemon answers, saying once that it waits; nil when the person
    /// stopped it meanwhile.
    private func waitForDaemon() async -> Int32? {
        var said = false
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            if let descriptor = try? UnixConnector.connect(to: socketPath) {
                if said { StandardError.write("liptwitch watch: connected to the daemon at \(socketPath)") }
                return descriptor
            }
            if !said {
                StandardError.write("liptwitch watch: waiting for a daemon at \(socketPath) (Ctrl-C to stop)")
                said = true
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.retryInterval) }
        }
        return nil
    }

    /// Reads the stream of one connection to its end.
    private func stream(from descriptor: Int32, group: MultiThreadedEventLoopGroup) async throws {
        let channel = try await ClientBootstrap(group: group).withConnectedSocket(descriptor) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(
                        NIOSplitLinesMessageDecoder(omittingEmptySubsequences: true), maximumBufferSize: 1 << 20))
                return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        try? await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request.requestLine))
            let read: @Sendable () async throws -> Void = { [self] in
                var console = WatchConsole(statusWidth: style.columns, filter: filter)
                for try await buffer in inbound {
                    guard show(String(buffer: buffer), console: &console) else { return }
                }
            }
            do {
                if readsToTheEnd { try await read() } else { try await cancelWhenGracefulShutdown(read) }
            } catch {
                // A connection reset (a daemon killed while data was on its way) ends the
                // stream as a close does: said the same way below, not passed over in silence.
            }
            let stoppedHere = Task.isShuttingDownGracefully || Task.isCancelled
            if !readsToTheEnd, !stoppedHere, failure.withLock({ $0 }) == nil {
                output.withLock { $0.finish() }
                StandardError.write(
                    "liptwitch watch: the daemon ended the stream (it stopped)"
                        + (reconnect ? "; waiting for it to come back (Ctrl-C to stop)" : ""))
            }
        }
    }

    /// What to ask the daemon for: on a terminal, the status line needs the sensors' device,
    /// link and level lines, the candidates and the onsets whatever the person chose to see.
    private var request: LiveFilter {
        guard case .terminal = style, let classes = filter.classes else { return filter }
        return LiveFilter(classes: classes.union([.device, .link, .level, .onset, .candidate]), devices: filter.devices)
    }

    /// Shows one line; false when the session must end.
    private func show(_ line: String, console: inout WatchConsole) -> Bool {
        if case .json = style {
            guard let fields = LiveLineFields(line: line), let liveClass = fields.liveClass else { return true }
            if filter.admits(liveClass, sensor: fields.sensor) { output.withLock { $0.line(line) } }
            if liveClass == .error { failure.withLock { $0 = "the daemon refused the request: \(line)" } }
            return liveClass != .error
        }
        for item in console.take(line) {
            switch item {
            case .line(let text): output.withLock { $0.line(text) }
            case .status(let text): output.withLock { $0.status(text) }
            case .failure(let message):
                failure.withLock { $0 = message }
                return false
            }
        }
        return true
    }
}

extension WatchSession.Style {
    var columns: Int? {
        if case .terminal(let columns) = self { return columns }
        return nil
    }
}
