import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSystem

/// The thread of a `SensorLink`: one poll loop that owns the serial port, the port's
/// decoder and the `LinkCore`, reads what the sensor sends, tells the core of discovery's
/// events, stop requests and its timer, and hands everything on to the consumer.
///
/// While samples flow, the port is read at most once every `streamingReadInterval`: a
/// sensor sends a batch every few milliseconds, and waking for each one cost more than
/// the detector (BENCHMARKS.md, "Daemon"). Everything else (a stop, discovery's events,
/// the link's timer, the handshake) is still served at once.
final class LinkDriver {
    /// The least time between two reads of a streaming port: the latency it adds, at most.
    static let streamingReadInterval = Duration.milliseconds(20)

    private var core: LinkCore
    private var port = SerialLinkPort()
    private var decoder: PortDecoder
    private let shared: Locked<SensorLink.Shared>
    private let notifier: EventNotifier
    private let consumer: @Sendable (LinkOutput) -> Void
    /// The moment of the current round (the read's, for the bytes it read).
    private var now = HostTime.zero
    private var statistics = LinkStatistics()
    private var buffer = [UInt8](repeating: 0, count: 4096)
    private var outputs: [LinkOutput] = []
    /// While streaming: the port is left out of the poll until then (once the link leaves
    /// streaming, or another port opens, it no longer counts).
    private var nextRead: HostTime?

    init(
        configuration: LinkConfiguration, shared: Locked<SensorLink.Shared>, notifier: EventNotifier,
        consumer: @escaping @Sendable (LinkOutput) -> Void
    ) {
        core = LinkCore(configuration: configuration)
        decoder = PortDecoder(driver: configuration.driver)
        self.shared = shared
        self.notifier = notifier
        self.consumer = consumer
    }

    /// Runs until the link has stopped.
    func run() {
        var poll = PollSet()
        while core.phase != .stopped {
            poll.removeAll()
            poll.add(notifier.descriptor)
            tick()
            var wake = core.timer
            // What the poll says is about this port: the inputs before the read may close it
            // and open another (whose descriptor may even have the same number).
            var polledPort = port.serial
            if core.phase == .streaming, let nextRead, now < nextRead {
                polledPort = nil
                wake = min(wake ?? nextRead, nextRead)
            }
            let portIndex = polledPort.map { poll.add($0.descriptor) }
            _ = try? poll.wait(timeoutNanoseconds: wake.map { $0.nanoseconds - now.nanoseconds })
            tick()
            notifier.drain()
            let (events, stop) = shared.withLock { state in
                defer { state.events.removeAll() }
                return (state.events, state.stopRequested)
            }
            for event in events { handle(.device(event)) }
            if stop { handle(.stopRequested) }
            if let portIndex, let polledPort, port.serial === polledPort, !poll.events(at: portIndex).isEmpty {
                readAvailable(hungUp: poll.events(at: portIndex).contains(.hangUp))
                nextRead = core.phase == .streaming ? now + Self.streamingReadInterval : nil
            }
            if let timer = core.timer, now >= timer { handle(.timerFired) }
            publish()
        }
        port.close()
        publish()
    }

    private func tick() {
        now = HostTime(nanoseconds: MonotonicClock.nanoseconds())
    }

    /// Reads until the port has nothing more (or 64 KiB, so that a flood cannot hold up
    /// the timer and the other inputs); each read is decoded once and goes to the consumer
    /// and to the core.
    private func readAvailable(hungUp: Bool) {
        for _ in 0..<16 {
            guard let serial = port.serial else { return }
            let count: Int
            do {
                count = try serial.read(into: &buffer)
            } catch {
                handle(.hungUp(error.detail))
                return
            }
            guard count > 0 else {
                if hungUp { handle(.hungUp("hang-up (POLLHUP)")) }
                return
            }
            tick()
            let bytes = Array(buffer[0..<count])
            let read = decoder.decode(bytes, at: now)
            emit(.port(.read(bytes), at: now))
            emit(.decoded(read))
            core.take(read, on: &port, into: &outputs)
            emitOutputs()
        }
    }

    private func handle(_ input: LinkInput) {
        core.handle(input, at: now, on: &port, into: &outputs)
        emitOutputs()
    }

    private func emitOutputs() {
        for output in outputs { emit(output) }
        outputs.removeAll(keepingCapacity: true)
    }

    private func emit(_ output: LinkOutput) {
        switch output {
        case .port(.opened, _):
            decoder.opened()
        case .samples(let batch, let timing):
            statistics.batches += 1
            statistics.samples += UInt64(batch.sampleCount)
            if case .gap(let gap) = timing.continuity {
                statistics.gaps += 1
                statistics.missingSamples += gap.samples
            }
        case .event:
            publish()
        default:
            break
        }
        consumer(output)
    }

    /// Shows the other threads where the link is.
    private func publish() {
        statistics.phase = core.phase
        statistics.link = core.counters
        statistics.decoder = decoder.counters
        statistics.driftPartsPerMillion = decoder.driftPartsPerMillion
        let snapshot = statistics
        shared.withLock { $0.statistics = snapshot }
    }
}
