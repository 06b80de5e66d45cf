import LipTwitchProtocol

/// The running stream: samples handed on, the heartbeat, stalls and sensor restarts.
extension LinkStateMachine {
    mutating func startStreaming(
        _ firstBatch: DeviceMessage, _ location: SensorLocation, _ handshake: Handshake, now: HostTime
    ) -> [LinkAction] {
        guard let identity = handshake.identity else { return [] }
        counters.streamsStarted += 1
        if counters.streamsStarted > 1 { counters.reconnects += 1 }
        let stream = Stream(
            identity: identity, since: now, lastFrameAt: now,
            nextPingAt: configuration.traits.wantsHeartbeat ? now + configuration.pingInterval : nil,
            stallTimeout: stallTimeout(for: identity))
        state = .streaming(location, stream)
        return [.report(.streaming(identity)), .deliver(firstBatch), .scheduleTimer(at: stream.nextWake)]
    }

    mutating func streamReceived(
        _ event: DecoderEvent<DeviceMessage>, _ location: SensorLocation, _ stream: Stream, now: HostTime
    ) -> [LinkAction] {
        switch event {
        case .message(let message, _):
            var fresh = stream
            fresh.lastFrameAt = now
            state = .streaming(location, fresh)
            switch message {
            case .samples, .status, .marker:
                return [.deliver(message)]
            case .pong:
                counters.pongsReceived += 1
                return []
            case .identity, .ack, .error:
                return []
            }
        case .sequenceReset:
            counters.deviceRestarts += 1
            resetBackoffIfHealthy(streamingSince: stream.since, now: now)
            return [.report(.deviceRestarted)] + beginHandshake(location, afterStall: false, now: now)
        case .frameError, .sequenceGap:
            return []
        }
    }

    mutating func streamTimerFired(_ location: SensorLocation, _ stream: Stream, now: HostTime) -> [LinkAction] {
        let silence = now - stream.lastFrameAt
        if silence >= stream.stallTimeout {
            counters.stalls += 1
            resetBackoffIfHealthy(streamingSince: stream.since, now: now)
            return [.report(.stalled(silence: silence))] + beginHandshake(location, afterStall: true, now: now)
        }
        var next = stream
        var actions: [LinkAction] = []
        if let nextPingAt = stream.nextPingAt, now >= nextPingAt {
            actions.append(send(.ping(nonce: nextNonce)).action)
            nextNonce &+= 1
            counters.pingsSent += 1
            let planned = nextPingAt + configuration.pingInterval
            next.nextPingAt = planned > now ? planned : now + configuration.pingInterval
        }
        state = .streaming(location, next)
        return actions + [.scheduleTimer(at: next.nextWake)]
    }

    /// No frame for this long is a stall: PROTOCOL.md's 500 ms, or a few batch periods for
    /// a sensor whose batches take longer.
    func stallTimeout(for identity: DeviceIdentity) -> Duration {
        max(configuration.minimumStallTimeout, identity.batchPeriod * configuration.stallBatchPeriods)
    }
}
