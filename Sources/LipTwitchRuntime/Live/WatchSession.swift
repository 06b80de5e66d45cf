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
/// the daemon refuses.
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

    private let descriptor: Int32
    private let filter: LiveFilter
    private let style: Style
    private let readsToTheEnd: Bool
    private let failure = Locked<String?>(nil)
    private let output = Locked(TerminalOutput())

    /// Connects to the daemon at `socketPath` now. With `readsToTheEnd` (a console inside
    /// the daemon's own process) it reads until the daemon closes the stream, shutdown or
    /// not, so the last lines are shown too.
    public init(
        socketPath: String, filter: LiveFilter, style: Style, readsToTheEnd: Bool = false
    ) throws(LiveSocketError) {
        descriptor = try UnixConnector.connect(to: socketPath)
        self.filter = filter
        self.style = style
        self.readsToTheEnd = readsToTheEnd
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
            if readsToTheEnd { try await read() } else { try await cancelWhenGracefulShutdown(read) }
            let stoppedHere = Task.isShuttingDownGracefully || Task.isCancelled
            if !readsToTheEnd, !stoppedHere, failure.withLock({ $0 }) == nil {
                output.withLock { $0.finish() }
                StandardError.write("liptwitch watch: the daemon ended the stream (it stopped)")
            }
        }
        output.withLock { $0.finish() }
        try? await group.shutdownGracefully()
        // Inside the daemon's group the stream ends during its shutdown, before this
        // service's turn: it returns when its turn comes.
        if readsToTheEnd { try? await gracefulShutdown() }
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
