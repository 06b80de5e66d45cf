import LipTwitchProtocol

/// The link to one sensor as a pure state machine: inputs in (discovery, the port, decoded
/// frames, timers, stop), actions out (open, write, flush, close, timers, reports). No I/O
/// and no clock: time comes with every input, timers are actions, and the runtime performs
/// the actions in order (after postgres-nio's `ConnectionStateMachine`).
///
/// It follows PROTOCOL.md section 8: on open, a lone delimiter and STOP, then a flush,
/// IDENTIFY (with SET_RATE when a rate is configured), START and the first samples; a PING
/// every second while streaming; a stall when no frame came for the stall timeout; STOP and
/// a short wait for its ACK on the way out. A sensor that vanishes, does not answer or
/// stalls for good is closed and retried with exponential backoff. `docs/LINK.md` draws
/// the states.
///
/// ```swift
/// for action in machine.handle(.received(event), now: clock.now) { perform(action) }
/// ```
public struct LinkStateMachine: Sendable {
    public let configuration: LinkConfiguration
    /// Every count since init.
    public internal(set) var counters = LinkCounters()
    var state = State.absent
    var backoff: ReconnectBackoff
    /// The sequence number of the next command frame: 0 after every open (PROTOCOL.md
    /// section 3.1).
    var nextSequence: UInt16 = 0
    var nextNonce: UInt32 = 1
    /// The open failure reported last: retries that fail the same way are not reported
    /// again (the counters count them all).
    var reportedOpenFailure: OpenFailure?
    /// The line rate the port is at (or is being opened at).
    public internal(set) var lineRate: Int
    /// The line rate the sensor answered at last: the first one tried at the next open.
    var answeredLineRate: Int?

    public init(configuration: LinkConfiguration = LinkConfiguration()) {
        self.configuration = configuration
        backoff = ReconnectBackoff(initial: configuration.initialBackoff, maximum: configuration.maximumBackoff)
        lineRate = configuration.lineRates[0]
    }

    /// Where the link is and what it holds.
    enum State: Sendable {
        case absent
        case opening(SensorLocation)
        case handshaking(SensorLocation, Handshake)
        case streaming(SensorLocation, Stream)
        case gone(SensorLocation, retryAt: HostTime)
        case incompatible(SensorLocation, Incompatibility)
        case stopping(deadline: HostTime, stopSequence: UInt16)
        case stopped
    }

    /// A handshake in progress.
    struct Handshake: Sendable {
        var step: HandshakeStep
        /// When the current step times out.
        var deadline: HostTime
        /// The sequence number of the command awaiting an answer.
        var sequence: UInt16
        /// Shaking hands again on an open port after the stream stalled.
        var afterStall: Bool
        /// The sensor's answer to IDENTIFY, once it came.
        var identity: DeviceIdentity?
        /// SET_RATE was acknowledged already (it is sent once per handshake).
        var rateChanged = false
        /// The line rates still to try when nothing answers at this one.
        var untriedLineRates: [Int] = []
        /// Until when IDENTIFY is retried at this rate whatever the tries (a bootloader's
        /// time after the port opened); nil after the first rate.
        var bootWindowEnd: HostTime?
    }

    /// The line rates to try after an open, in order: the one that answered last first.
    var lineRatesToTry: [Int] {
        guard let answeredLineRate else { return configuration.lineRates }
        return [answeredLineRate] + configuration.lineRates.filter { $0 != answeredLineRate }
    }

    /// A running stream.
    struct Stream: Sendable {
        var identity: DeviceIdentity
        var since: HostTime
        var lastFrameAt: HostTime
        /// When the next heartbeat is due (nil for a board that wants none).
        var nextPingAt: HostTime?
        var stallTimeout: Duration

        /// When the timer must fire next: a stall check or a ping.
        var nextWake: HostTime { nextPingAt.map { min(lastFrameAt + stallTimeout, $0) } ?? lastFrameAt + stallTimeout }
    }

    /// The phase the link is in now.
    public var phase: LinkPhase {
        switch state {
        case .absent: .absent
        case .opening: .opening
        case .handshaking(_, let handshake): handshake.afterStall ? .stalled : .handshaking
        case .streaming: .streaming
        case .gone: .gone
        case .incompatible: .incompatible
        case .stopping: .stopping
        case .stopped: .stopped
        }
    }

    /// The sensor the link is working with, if any.
    public var location: SensorLocation? {
        switch state {
        case .opening(let location), .handshaking(let location, _), .streaming(let location, _),
             .gone(let location, _), .incompatible(let location, _):
            location
        case .absent, .stopping, .stopped:
            nil
        }
    }

    /// The step of the handshake in progress, if one is.
    public var handshakeStep: HandshakeStep? {
        if case .handshaking(_, let handshake) = state { handshake.step } else { nil }
    }

    /// The identity of the sensor that is streaming, if one is.
    public var streamingIdentity: DeviceIdentity? {
        if case .streaming(_, let stream) = state { stream.identity } else { nil }
    }

    /// Takes one input at `now` and returns the actions to perform, in order.
    public mutating func handle(_ input: LinkInput, now: HostTime) -> [LinkAction] {
        switch input {
        case .device(.appeared(let location)): appeared(location, now: now)
        case .device(.disappeared(let path)): disappeared(path)
        case .openSucceeded: openSucceeded(now: now)
        case .openFailed(let failure): openFailed(failure, now: now)
        case .received(let event): received(event, now: now)
        case .hungUp(let detail): hungUp(.hungUp(detail), now: now)
        case .timerFired: timerFired(now: now)
        case .stopRequested: stopRequested(now: now)
        }
    }

    private mutating func received(_ event: DecoderEvent<DeviceMessage>, now: HostTime) -> [LinkAction] {
        switch state {
        case .handshaking(let location, let handshake): handshakeReceived(event, location, handshake, now: now)
        case .streaming(let location, let stream): streamReceived(event, location, stream, now: now)
        case .stopping(_, let stopSequence): stoppingReceived(event, stopSequence: stopSequence)
        case .absent, .opening, .gone, .incompatible, .stopped: []
        }
    }

    private mutating func timerFired(now: HostTime) -> [LinkAction] {
        switch state {
        case .handshaking(let location, let handshake): handshakeTimerFired(location, handshake, now: now)
        case .streaming(let location, let stream): streamTimerFired(location, stream, now: now)
        case .gone(let location, let retryAt):
            now < retryAt ? [.scheduleTimer(at: retryAt)] : open(location, reporting: reportedOpenFailure == nil)
        case .stopping(let deadline, _):
            now < deadline ? [.scheduleTimer(at: deadline)] : finishStopping(.unacknowledged)
        case .absent, .opening, .incompatible, .stopped: []
        }
    }

    /// Takes the next command sequence number: the action that sends `command`, and the
    /// number its answer will carry.
    mutating func send(_ command: HostCommand) -> (action: LinkAction, sequence: UInt16) {
        let sequence = nextSequence
        nextSequence &+= 1
        return (.send(command, sequence: sequence), sequence)
    }
}
