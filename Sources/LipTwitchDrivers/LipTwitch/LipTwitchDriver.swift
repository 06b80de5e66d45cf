import LipTwitchProtocol

/// The LipTwitch protocol's driver (PROTOCOL.md): COBS frames with a CRC-32C both ways,
/// numbered commands and answers, a heartbeat, a settable rate, STOP confirmed. The link
/// was written to this protocol, so the table is a straight mapping.
public struct LipTwitchDriver: DriverTable {
    public init() {}

    public var traits: DriverTraits {
        DriverTraits(
            lineRates: ProtocolConstants.lineRates, preamble: [ProtocolConstants.delimiter], numbersAnswers: true,
            confirmsStop: true, wantsHeartbeat: true, setsSampleRate: true, identifyTimeout: .milliseconds(500))
    }

    public func makeDecoder() -> any DeviceDecoding { DeviceStreamDecoder() }

    public func encode(_ command: HostCommand, sequence: UInt16, into bytes: inout [UInt8]) {
        FrameEncoder.encode(command, sequence: sequence, into: &bytes)
    }
}

extension MessageStreamDecoder: DeviceDecoding where Message == DeviceMessage {}
