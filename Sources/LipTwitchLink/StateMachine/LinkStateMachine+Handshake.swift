import LipTwitchProtocol

/// The start-up handshake of PROTOCOL.md section 8: STOP, flush, IDENTIFY, SET_RATE when
/// configured, START, first samples; each step with its timeout and retries.
extension LinkStateMachine {
    /// Starts the handshake on an open port (again, after a stall or a sensor restart): a
    /// lone delimiter ends any partial frame the sensor holds, STOP quiets it. Just after
    /// an open, `untriedLineRates` are the rates to go on to when nothing answers at this
    /// one, and IDENTIFY is retried until `bootWindowEnd`.
    mutating func beginHandshake(
        _ location: SensorLocation, afterStall: Bool, untriedLineRates: [Int] = [], bootWindowEnd: HostTime? = nil,
        now: HostTime
    ) -> [LinkAction] {
        let (stop, sequence) = send(.stop)
        let deadline = now + configuration.stopAckTimeout
        var handshake = Handshake(step: .stopSent, deadline: deadline, sequence: sequence, afterStall: afterStall)
        handshake.untriedLineRates = untriedLineRates
        handshake.bootWindowEnd = bootWindowEnd
        state = .handshaking(location, handshake)
        let preamble = configuration.traits.preamble
        return (preamble.isEmpty ? [] : [.write(preamble)]) + [stop, .scheduleTimer(at: deadline)]
    }

    /// Nothing answered at this line rate: the port goes to the next and the handshake
    /// starts over there.
    private mutating func tryNextLineRate(_ location: SensorLocation, _ handshake: Handshake, now: HostTime)
        -> [LinkAction]
    {
        let next = handshake.untriedLineRates[0]
        let report = LinkAction.report(.lineRateChanged(from: lineRate, to: next))
        lineRate = next
        return [report, .setLineRate(next), .flushInput]
            + beginHandshake(location, afterStall: false, untriedLineRates: Array(handshake.untriedLineRates.dropFirst()), now: now)
    }

    mutating func handshakeReceived(
        _ event: DecoderEvent<DeviceMessage>, _ location: SensorLocation, _ handshake: Handshake, now: HostTime
    ) -> [LinkAction] {
        guard case .message(let message, _) = event else {
            // The header is frozen, so a newer sensor's IDENTITY still tells its version.
            if case .frameError(.unsupportedVersion(let major)) = event, case .identifySent = handshake.step {
                return incompatible(.newerProtocol(major: major), location)
            }
            return []
        }
        switch (handshake.step, message) {
        case (.stopSent, .ack(let ack)) where answers(ack, .stop, sequence: handshake.sequence):
            return stopAnswered(location, handshake, now: now)
        case (.identifySent, .identity(let identity)):
            return identified(identity, location, handshake, now: now)
        case (.setRateSent, .ack(let ack)) where answers(ack, .setRate, sequence: handshake.sequence):
            var changed = handshake
            changed.rateChanged = true
            let report = LinkAction.report(
                .rateChanged(from: handshake.identity?.sampleRateHz ?? 0, to: configuration.sampleRateHz ?? 0))
            return [report] + advance(location, changed, to: .identifySent(try: 1), now: now)
        case (.startSent, .ack(let ack)) where answers(ack, .start, sequence: handshake.sequence):
            var started = handshake
            started.step = .awaitingSamples
            started.deadline = now + firstSamplesTimeout(for: handshake.identity)
            state = .handshaking(location, started)
            return [.scheduleTimer(at: started.deadline)]
        case (.awaitingSamples, .samples):
            return startStreaming(message, location, handshake, now: now)
        case (_, .error(let error)) where !configuration.traits.numbersAnswers || error.commandSequence == handshake.sequence:
            return refused(error.code, location, handshake, now: now)
        default:
            return []
        }
    }

    mutating func handshakeTimerFired(_ location: SensorLocation, _ handshake: Handshake, now: HostTime)
        -> [LinkAction]
    {
        guard now >= handshake.deadline else { return [.scheduleTimer(at: handshake.deadline)] }
        let tries = configuration.commandTries
        switch handshake.step {
        case .stopSent:
            return stopAnswered(location, handshake, now: now)
        case .identifySent(let count):
            return identifyUnanswered(tries: count, location, handshake, now: now)
        case .setRateSent(let count), .startSent(let count):
            guard count < tries, let retry = handshake.step.retried else {
                return handshakeFailed(.noAnswer(to: handshake.step.command, tries: count), location, now: now)
            }
            return advance(location, handshake, to: retry, now: now)
        case .awaitingSamples:
            return handshakeFailed(.noSamples, location, now: now)
        }
    }

    /// IDENTIFY went unanswered `count` times at this line rate: ask again while a
    /// bootloader may still hold the line or tries are left; then go to the next line rate;
    /// then give up: for good on a port on probation that never answered (it is some other
    /// device), else until the backoff has passed.
    private mutating func identifyUnanswered(
        tries count: Int, _ location: SensorLocation, _ handshake: Handshake, now: HostTime
    ) -> [LinkAction] {
        let booting = handshake.bootWindowEnd.map { now < $0 } ?? false
        if booting || count < configuration.commandTries {
            return advance(location, handshake, to: .identifySent(try: count + 1), now: now)
        }
        if !handshake.untriedLineRates.isEmpty { return tryNextLineRate(location, handshake, now: now) }
        if location.needsProof, answeredLineRate == nil {
            return incompatible(
                .notASensor(path: location.devicePath, lineRates: configuration.lineRates, driver: configuration.driver.family),
                location)
        }
        return handshakeFailed(.noAnswer(to: .identify, tries: count), location, now: now)
    }

    /// STOP was acknowledged, or its time is up: what arrived so far is stale; flush it
    /// and ask the sensor who it is.
    private mutating func stopAnswered(_ location: SensorLocation, _ handshake: Handshake, now: HostTime)
        -> [LinkAction]
    {
        [.flushInput] + advance(location, handshake, to: .identifySent(try: 1), now: now)
    }

    private mutating func identified(
        _ identity: DeviceIdentity, _ location: SensorLocation, _ handshake: Handshake, now: HostTime
    ) -> [LinkAction] {
        var identifiedHandshake = handshake
        identifiedHandshake.identity = identity
        answeredLineRate = lineRate
        let report = LinkAction.report(.identified(identity))
        guard let rate = configuration.sampleRateHz, identity.sampleRateHz != rate else {
            return [report] + advance(location, identifiedHandshake, to: .startSent(try: 1), now: now)
        }
        guard configuration.traits.setsSampleRate else {
            return [report] + incompatible(.unsupportedRate(rate), location)
        }
        guard !handshake.rateChanged else {
            return [report] + handshakeFailed(
                .rateNotApplied(requested: rate, reported: identity.sampleRateHz), location, now: now)
        }
        return [report] + advance(location, identifiedHandshake, to: .setRateSent(try: 1), now: now)
    }

    /// The sensor answered the pending command with ERROR.
    private mutating func refused(
        _ code: DeviceErrorCode, _ location: SensorLocation, _ handshake: Handshake, now: HostTime
    ) -> [LinkAction] {
        switch handshake.step {
        case .stopSent:
            return stopAnswered(location, handshake, now: now)
        case _ where configuration.traits.refusalAdvice != nil:
            return handshakeFailed(.refusedAsAdvised(configuration.traits.refusalAdvice ?? ""), location, now: now)
        case .setRateSent where code == .unsupportedValue:
            return incompatible(.unsupportedRate(configuration.sampleRateHz ?? 0), location)
        case .identifySent, .setRateSent, .startSent, .awaitingSamples:
            return handshakeFailed(.refused(handshake.step.command, code), location, now: now)
        }
    }

    /// Moves the handshake to `step` and sends that step's command, with its timeout.
    private mutating func advance(
        _ location: SensorLocation, _ handshake: Handshake, to step: HandshakeStep, now: HostTime
    ) -> [LinkAction] {
        let command: HostCommand
        let timeout: Duration
        switch step {
        case .identifySent:
            command = .identify(hostMaxVersion: ProtocolConstants.version)
            timeout = configuration.identifyTimeout
        case .setRateSent:
            command = .setSampleRate(configuration.sampleRateHz ?? 0)
            timeout = configuration.commandTimeout
        case .startSent:
            command = .start
            timeout = configuration.commandTimeout
        case .stopSent, .awaitingSamples:
            preconditionFailure("the handshake never advances to \(step) by sending a command")
        }
        var advanced = handshake
        let (action, sequence) = send(command)
        advanced.step = step
        advanced.sequence = sequence
        advanced.deadline = now + timeout
        state = .handshaking(location, advanced)
        return [action, .scheduleTimer(at: advanced.deadline)]
    }

    /// How long the first batch may take after ACK(START): PROTOCOL.md's 100 ms, or two
    /// batch periods for a sensor whose batches take longer.
    private func firstSamplesTimeout(for identity: DeviceIdentity?) -> Duration {
        guard let identity else { return configuration.firstSamplesTimeout }
        return max(configuration.firstSamplesTimeout, identity.batchPeriod * 2)
    }
}

extension HandshakeStep {
    /// The command this step waits on an answer to.
    var command: MessageType {
        switch self {
        case .stopSent: .stop
        case .identifySent: .identify
        case .setRateSent: .setRate
        case .startSent, .awaitingSamples: .start
        }
    }

    /// The same step, one try later; nil for the steps that are not retried.
    var retried: HandshakeStep? {
        switch self {
        case .identifySent(let count): .identifySent(try: count + 1)
        case .setRateSent(let count): .setRateSent(try: count + 1)
        case .startSent(let count): .startSent(try: count + 1)
        case .stopSent, .awaitingSamples: nil
        }
    }
}

extension DeviceIdentity {
    /// How long one full sample batch takes: `max_batch / sample_rate_hz`.
    var batchPeriod: Duration {
        .nanoseconds(Int64(maxBatch) * 1_000_000_000 / Int64(max(1, sampleRateHz)))
    }
}
