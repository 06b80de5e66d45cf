import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSystem

/// The thread of a `SensorLink`: one poll loop that owns the port, the state machine, the
/// decoder and the device clock, and is the one place the state machine's actions are
/// performed (after postgres-nio's channel handler).
final class LinkDriver {
    private var machine: LinkStateMachine
    private var decoder = DeviceStreamDecoder()
    private var clock = DeviceClock()
    private var port: SerialPort?
    private var timer: HostTime?
    private let shared: Locked<SensorLink.Shared>
    private let notifier: EventNotifier
    private let consumer: @Sendable (LinkOutput) -> Void
    private let tap: (@Sendable (PortActivity, HostTime) -> Void)?
    /// The moment of the current round (the read's, for the bytes it read).
    private var now = HostTime.zero
    /// Set by a flush, a decoder reset or a close: the rest of the bytes read is stale.
    private var discardRestOfRead = false
    private var statistics = LinkStatistics()
    private var buffer = [UInt8](repeating: 0, count: 4096)
    private var frame: [UInt8] = []
    private var inputs: [LinkInput] = []

    init(
        configuration: LinkConfiguration, shared: Locked<SensorLink.Shared>, notifier: EventNotifier,
        tap: (@Sendable (PortActivity, HostTime) -> Void)?, consumer: @escaping @Sendable (LinkOutput) -> Void
    ) {
        machine = LinkStateMachine(configuration: configuration)
        self.shared = shared
        self.notifier = notifier
        self.consumer = consumer
        self.tap = tap
    }

    /// Runs until the state machine has stopped.
    func run() {
        var poll = PollSet()
        while machine.phase != .stopped {
            poll.removeAll()
            poll.add(notifier.descriptor)
            // What the poll says is about this port: the inputs before the read may close it
            // and open another (whose descriptor may even have the same number).
            let polledPort = port
            let portIndex = port.map { poll.add($0.descriptor) }
            tick()
            _ = try? poll.wait(timeoutNanoseconds: timer.map { $0.nanoseconds - now.nanoseconds })
            tick()
            notifier.drain()
            let (events, stop) = shared.withLock { state in
                defer { state.events.removeAll() }
                return (state.events, state.stopRequested)
            }
            for event in events { handle(.device(event)) }
            if stop { handle(.stopRequested) }
            if let portIndex, let polledPort, port === polledPort, !poll.events(at: portIndex).isEmpty {
                readAvailable(hungUp: poll.events(at: portIndex).contains(.hangUp))
            }
            if let timer, now >= timer {
                self.timer = nil
                handle(.timerFired)
            }
            publish()
        }
        port?.close()
        publish()
    }

    private func tick() {
        now = HostTime(nanoseconds: MonotonicClock.nanoseconds())
    }

    /// Reads until the port has nothing more (or 64 KiB, so that a flood cannot hold up
    /// the timer and the other inputs), decoding as it goes.
    private func readAvailable(hungUp: Bool) {
        for _ in 0..<16 {
            guard let port else { return }
            let count: Int
            do {
                count = try port.read(into: &buffer)
            } catch {
                handle(.hungUp(error.detail))
                return
            }
            guard count > 0 else {
                if hungUp { handle(.hungUp("hang-up (POLLHUP)")) }
                return
            }
            tick()
            tap?(.read(Array(buffer[0..<count])), now)
            discardRestOfRead = false
            var input = buffer[0..<count]
            while !discardRestOfRead, let event = decoder.decode(&input) {
                handle(.received(event))
            }
        }
    }

    /// Feeds one input to the state machine and performs its actions, and those of the
    /// inputs the actions give rise to (an open's result, a failed write).
    private func handle(_ input: LinkInput) {
        inputs.append(input)
        while !inputs.isEmpty {
            let next = inputs.removeFirst()
            if case .hungUp(let reason) = next { tap?(.hungUp(reason), now) }
            for action in machine.handle(next, now: now) { perform(action) }
        }
    }

    private func perform(_ action: LinkAction) {
        switch action {
        case .open(let path, let lineRate):
            do {
                port = try SerialPort(path: path, baudRate: lineRate)
                clock.reset()
                tap?(.opened(path: path), now)
                inputs.append(.openSucceeded)
            } catch {
                inputs.append(.openFailed(OpenFailure(error.kind.openFailureKind, message: error.description)))
            }
        case .setLineRate(let lineRate):
            do {
                try port?.setLineRate(lineRate)
            } catch {
                inputs.append(.hungUp(error.description))
            }
        case .write(let bytes):
            write(bytes)
        case .send(let command, let sequence):
            frame.removeAll(keepingCapacity: true)
            FrameEncoder.encode(command, sequence: sequence, into: &frame)
            write(frame)
        case .flushInput:
            port?.flushInput()
            discardRestOfRead = true
        case .resetDecoder:
            decoder.reset()
            discardRestOfRead = true
        case .close:
            if port != nil { tap?(.closed, now) }
            port?.close()
            port = nil
            discardRestOfRead = true
        case .scheduleTimer(let at):
            timer = at
        case .cancelTimer:
            timer = nil
        case .report(let event):
            if case .streaming(let identity) = event { clock.startStream(sampleRateHz: Int(identity.sampleRateHz)) }
            publish()
            consumer(.event(event, at: now))
        case .deliver(let message):
            deliver(message)
        }
    }

    private func write(_ bytes: [UInt8]) {
        guard let port else { return }
        do {
            try port.write(bytes)
        } catch {
            inputs.append(.hungUp(error.detail))
        }
    }

    private func deliver(_ message: DeviceMessage) {
        switch message {
        case .samples(let batch):
            let timing = clock.place(batch, receivedAt: now)
            statistics.batches += 1
            statistics.samples += UInt64(batch.sampleCount)
            if case .gap(let gap) = timing.continuity {
                statistics.gaps += 1
                statistics.missingSamples += gap.samples
            }
            consumer(.samples(batch, timing))
        case .status(let status):
            consumer(.status(status, at: now))
        case .marker(let marker):
            consumer(.marker(marker, at: clock.hostTime(ofDeviceMicros: marker.timestampMicros)))
        case .identity, .ack, .error, .pong:
            break
        }
    }

    /// Shows the other threads where the link is.
    private func publish() {
        statistics.phase = machine.phase
        statistics.link = machine.counters
        statistics.decoder = decoder.counters
        statistics.driftPartsPerMillion = clock.driftPartsPerMillion
        let snapshot = statistics
        shared.withLock { $0.statistics = snapshot }
    }
}

extension SerialPortError.Kind {
    /// The link's name for this kind of failure.
    var openFailureKind: OpenFailure.Kind {
        switch self {
        case .missing: .missing
        case .permissionDenied: .permissionDenied
        case .busy: .busy
        case .notASerialPort: .notASerialPort
        case .unsupportedBaudRate, .other: .other
        }
    }
}
