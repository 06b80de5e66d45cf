import LipTwitchProtocol

/// Seeded random valid messages of every type, for round trips and cross-checks.
enum RandomMessages {
    static func deviceMessage(using random: inout SeededRandom) -> DeviceMessage {
        switch Int.random(in: 0..<7, using: &random) {
        case 0: .identity(identity(using: &random))
        case 1: .samples(sampleBatch(using: &random))
        case 2:
            .status(DeviceStatus(
                timestampMicros: .random(in: .min ... .max, using: &random),
                batteryPercent: Bool.random(using: &random) ? nil : .random(in: 0...100, using: &random),
                power: PowerFlags(rawValue: .random(in: 0...3, using: &random)),
                leadOffMask: .random(in: .min ... .max, using: &random),
                saturationMask: .random(in: .min ... .max, using: &random),
                overrunCount: .random(in: .min ... .max, using: &random)))
        case 3:
            .marker(UserMarker(
                timestampMicros: .random(in: .min ... .max, using: &random),
                sampleIndex: .random(in: .min ... .max, using: &random),
                kind: MarkerKind.allCases.randomElement(using: &random)!))
        case 4:
            .ack(CommandAck(
                commandType: .random(in: 0x82...0x84, using: &random),
                commandSequence: .random(in: .min ... .max, using: &random)))
        case 5:
            .error(CommandError(
                commandType: .random(in: 0x81...0x85, using: &random),
                commandSequence: .random(in: .min ... .max, using: &random),
                code: DeviceErrorCode.allCases.randomElement(using: &random)!))
        default:
            .pong(Pong(
                nonce: .random(in: .min ... .max, using: &random),
                timestampMicros: .random(in: .min ... .max, using: &random)))
        }
    }

    static func hostCommand(using random: inout SeededRandom) -> HostCommand {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: .identify(hostMaxVersion: .random(in: .min ... .max, using: &random))
        case 1: .start
        case 2: .stop
        case 3: .setSampleRate(.random(in: .min ... .max, using: &random))
        default: .ping(nonce: .random(in: .min ... .max, using: &random))
        }
    }

    static func identity(using random: inout SeededRandom) -> DeviceIdentity {
        let channelCount = Int.random(in: 1...ProtocolConstants.maxChannels, using: &random)
        let format = SampleFormat.allCases.randomElement(using: &random)!
        let batchLimit = min(255, (ProtocolConstants.maxPayloadLength - 12) / (channelCount * format.bytesPerSample))
        // Printable ASCII without space, "=" and ",", which would make the text ambiguous.
        let serialAlphabet = (0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }.filter { $0 != "=" && $0 != "," }
        let serialLength = Int.random(in: 1...16, using: &random)
        return DeviceIdentity(
            sensorKind: SensorKind.allCases.randomElement(using: &random)!,
            sampleRateHz: .random(in: 1...4000, using: &random), sampleFormat: format,
            maxBatch: UInt8.random(in: 1...UInt8(batchLimit), using: &random),
            serialNumber: String((0..<serialLength).map { _ in serialAlphabet.randomElement(using: &random)! }),
            firmware: FirmwareVersion(
                major: .random(in: .min ... .max, using: &random), minor: .random(in: .min ... .max, using: &random),
                patch: .random(in: .min ... .max, using: &random)),
            hardwareRevision: .random(in: .min ... .max, using: &random),
            channels: (0..<channelCount).map { _ in
                ChannelDescriptor(
                    placement: Placement.allCases.randomElement(using: &random)!,
                    axis: Axis.allCases.randomElement(using: &random)!, scale: positiveScale(using: &random))
            })
    }

    /// Any finite binary32 greater than 0, subnormals included.
    static func positiveScale(using random: inout SeededRandom) -> Float {
        Float(bitPattern: .random(in: 1..<Float.infinity.bitPattern, using: &random))
    }

    static func sampleBatch(using random: inout SeededRandom) -> SampleBatch {
        let channelCount = Int.random(in: 1...ProtocolConstants.maxChannels, using: &random)
        let format = SampleFormat.allCases.randomElement(using: &random)!
        let countLimit = min(255, (ProtocolConstants.maxPayloadLength - 12) / (channelCount * format.bytesPerSample))
        let sampleCount = Int.random(in: 1...countLimit, using: &random)
        let range = format.valueRange
        let values = (0..<sampleCount * channelCount).map { _ -> Int32 in
            switch Int.random(in: 0..<8, using: &random) {
            case 0: range.lowerBound
            case 1: range.upperBound
            case 2: 0
            case 3: .random(in: -300...300, using: &random)
            default: .random(in: range, using: &random)
            }
        }
        return SampleBatch(
            firstSampleIndex: .random(in: .min ... .max, using: &random),
            timestampMicros: .random(in: .min ... .max, using: &random), sampleCount: sampleCount,
            channelCount: channelCount, format: format, flags: BatchFlags(rawValue: .random(in: 0...3, using: &random)),
            values: values)
    }
}
