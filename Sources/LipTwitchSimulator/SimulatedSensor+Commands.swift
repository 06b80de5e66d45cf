import LipTwitchProtocol

/// The sensor's answers to host commands (PROTOCOL.md section 7).
extension SimulatedSensor {
    /// Answers one intact frame from the host.
    mutating func handle(_ frame: Frame, output: inout [UInt8]) {
        guard frame.version == configuration.protocolMajor else {
            // A sensor newer than the host answers IDENTIFY anyway, in its own major
            // (PROTOCOL.md section 4); anything else in a foreign major is refused.
            if frame.typeCode == MessageType.identify.rawValue, frame.version < configuration.protocolMajor {
                wire.send(.identity(identity), to: &output)
            } else {
                refuse(frame, .unsupportedVersion, output: &output)
            }
            return
        }
        let command: HostCommand?
        do {
            command = try HostCommand.decode(typeCode: frame.typeCode, payload: frame.payload)
        } catch {
            refuse(frame, .malformed, output: &output)
            return
        }
        guard let command else {
            refuse(frame, .unknownCommand, output: &output)
            return
        }
        switch command {
        case .identify(let hostMaxVersion):
            guard hostMaxVersion > 0 else { return refuse(frame, .unsupportedValue, output: &output) }
            wire.send(.identity(identity), to: &output)
        case .start:
            if !isStreaming { startStream() }
            acknowledge(frame, output: &output)
        case .stop:
            endStream()
            acknowledge(frame, output: &output)
        case .setSampleRate(let rate):
            guard !isStreaming else { return refuse(frame, .invalidState, output: &output) }
            guard (1...4000).contains(rate) else { return refuse(frame, .unsupportedValue, output: &output) }
            identity.sampleRateHz = rate
            identity.maxBatch = UInt8(SimulatorConfiguration.batchSize(forRate: Int(rate)))
            acknowledge(frame, output: &output)
        case .ping(let nonce):
            wire.send(.pong(Pong(nonce: nonce, timestampMicros: UInt32(truncatingIfNeeded: clockMicros))), to: &output)
        }
    }

    private mutating func acknowledge(_ frame: Frame, output: inout [UInt8]) {
        wire.send(.ack(CommandAck(commandType: frame.typeCode, commandSequence: frame.sequence)), to: &output)
    }

    private mutating func refuse(_ frame: Frame, _ code: DeviceErrorCode, output: inout [UInt8]) {
        wire.send(.error(CommandError(commandType: frame.typeCode, commandSequence: frame.sequence, code: code)),
                  to: &output)
    }
}
