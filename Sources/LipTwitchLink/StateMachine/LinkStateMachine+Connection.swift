import LipTwitchProtocol

/// Opening, losing, retrying and stopping: the parts of the link that are about the port
/// rather than the protocol.
extension LinkStateMachine {
    mutating func appeared(_ location: SensorLocation, now: HostTime) -> [LinkAction] {
        switch state {
        case .absent, .gone, .incompatible:
            reportedOpenFailure = nil
            return [.cancelTimer] + open(location, reporting: true)
        case .opening, .handshaking, .streaming, .stopping, .stopped:
            return []
        }
    }

    mutating func disappeared(_ path: String) -> [LinkAction] {
        guard let location, location.isAt(path) else { return [] }
        var actions: [LinkAction] = [.cancelTimer]
        switch state {
        case .handshaking, .streaming:
            counters.disconnects += 1
            actions.insert(.close, at: 0)
        case .opening, .gone, .incompatible, .absent, .stopping, .stopped:
            break
        }
        state = .absent
        return actions + [.report(.removed(path: path))]
    }

    mutating func open(_ location: SensorLocation, reporting: Bool) -> [LinkAction] {
        state = .opening(location)
        lineRate = lineRatesToTry[0]
        return (reporting ? [.report(.opening(location))] : []) + [.open(path: location.devicePath, lineRate: lineRate)]
    }

    mutating func openSucceeded(now: HostTime) -> [LinkAction] {
        guard case .opening(let location) = state else { return [.close] }
        counters.opens += 1
        reportedOpenFailure = nil
        nextSequence = 0
        return [.report(.opened(path: location.devicePath))]
            + beginHandshake(
                location, afterStall: false, untriedLineRates: Array(lineRatesToTry.dropFirst()),
                bootWindowEnd: now + configuration.bootWindow, now: now)
    }

    mutating func openFailed(_ failure: OpenFailure, now: HostTime) -> [LinkAction] {
        guard case .opening(let location) = state else { return [] }
        counters.openFailures += 1
        let delay = backoff.next()
        state = .gone(location, retryAt: now + delay)
        let report = failure == reportedOpenFailure ? [] : [LinkAction.report(.openFailed(failure, retryIn: delay))]
        reportedOpenFailure = failure
        return report + [.scheduleTimer(at: now + delay)]
    }

    /// The port hung up or failed.
    mutating func hungUp(_ reason: DisconnectReason, now: HostTime) -> [LinkAction] {
        switch state {
        case .handshaking(let location, _):
            return disconnected(location, reason, streamingSince: nil, now: now)
        case .streaming(let location, let stream):
            return disconnected(location, reason, streamingSince: stream.since, now: now)
        case .stopping:
            return finishStopping(.unacknowledged)
        case .absent, .opening, .gone, .incompatible, .stopped:
            return []
        }
    }

    private mutating func disconnected(
        _ location: SensorLocation, _ reason: DisconnectReason, streamingSince: HostTime?, now: HostTime
    ) -> [LinkAction] {
        counters.disconnects += 1
        resetBackoffIfHealthy(streamingSince: streamingSince, now: now)
        let delay = backoff.next()
        state = .gone(location, retryAt: now + delay)
        return [.close, .report(.disconnected(reason, retryIn: delay)), .scheduleTimer(at: now + delay)]
    }

    /// Gives the handshake up: the sensor is told to stop, the port closed, a retry planned.
    mutating func handshakeFailed(_ failure: HandshakeFailure, _ location: SensorLocation, now: HostTime)
        -> [LinkAction]
    {
        counters.handshakeFailures += 1
        let delay = backoff.next()
        state = .gone(location, retryAt: now + delay)
        return [send(.stop).action, .close, .report(.handshakeFailed(failure, retryIn: delay)),
                .scheduleTimer(at: now + delay)]
    }

    /// The sensor cannot be used: it is told to stop, the port closed, and nothing retried.
    mutating func incompatible(_ incompatibility: Incompatibility, _ location: SensorLocation) -> [LinkAction] {
        state = .incompatible(location, incompatibility)
        return [send(.stop).action, .close, .cancelTimer, .report(.incompatible(incompatibility))]
    }

    /// A stream that lasted long enough proves the sensor healthy: reconnecting starts
    /// again from the shortest delay.
    mutating func resetBackoffIfHealthy(streamingSince: HostTime?, now: HostTime) {
        if let streamingSince, now - streamingSince >= configuration.healthyStreamDuration { backoff.reset() }
    }

    mutating func stopRequested(now: HostTime) -> [LinkAction] {
        switch state {
        case .handshaking, .streaming:
            let (stop, sequence) = send(.stop)
            guard configuration.traits.confirmsStop else { return [.report(.stopping), stop] + finishStopping(.unconfirmable) }
            let deadline = now + configuration.shutdownAckTimeout
            state = .stopping(deadline: deadline, stopSequence: sequence)
            return [.report(.stopping), stop, .scheduleTimer(at: deadline)]
        case .absent, .opening, .gone, .incompatible:
            state = .stopped
            return [.cancelTimer, .report(.stopped(.noDevice))]
        case .stopping, .stopped:
            return []
        }
    }

    mutating func stoppingReceived(_ event: DecoderEvent<DeviceMessage>, stopSequence: UInt16) -> [LinkAction] {
        guard case .message(.ack(let ack), _) = event, answers(ack, .stop, sequence: stopSequence) else { return [] }
        return finishStopping(.acknowledged)
    }

    mutating func finishStopping(_ outcome: StopOutcome) -> [LinkAction] {
        state = .stopped
        return [.close, .cancelTimer, .report(.stopped(outcome))]
    }
}

extension LinkStateMachine {
    /// True when `ack` acknowledges the command of `type` sent in frame `sequence` (any
    /// frame, for a board that does not number its answers).
    func answers(_ ack: CommandAck, _ type: MessageType, sequence: UInt16) -> Bool {
        ack.commandType == type.rawValue && (!configuration.traits.numbersAnswers || ack.commandSequence == sequence)
    }
}
