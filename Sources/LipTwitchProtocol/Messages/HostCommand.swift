/// A command the host sends to a sensor (PROTOCOL.md section 7).
///
/// Decoding checks only payload lengths: whether a value is supported (a sample rate, a
/// version) is for the device to answer with ERROR `unsupported_value`, not a malformed
/// frame.
public enum HostCommand: WireMessage {
    /// IDENTIFY: asks for IDENTITY, telling the highest protocol major the host speaks.
    case identify(hostMaxVersion: UInt8)
    /// START: reset the sample index and stream SAMPLES.
    case start
    /// STOP: stop streaming.
    case stop
    /// SET_RATE: switch to this many samples per second per channel (only when stopped).
    case setSampleRate(UInt16)
    /// PING: the host's heartbeat, answered by PONG with the same nonce.
    case ping(nonce: UInt32)

    /// This command's message type.
    public var type: MessageType {
        switch self {
        case .identify: .identify
        case .start: .start
        case .stop: .stop
        case .setSampleRate: .setRate
        case .ping: .ping
        }
    }

    public var typeCode: UInt8 { type.rawValue }

    public func encodePayload(into buffer: inout [UInt8]) {
        switch self {
        case .identify(let hostMaxVersion): buffer.append(hostMaxVersion)
        case .start, .stop: break
        case .setSampleRate(let rate): buffer.appendLittleEndian(rate)
        case .ping(let nonce): buffer.appendLittleEndian(nonce)
        }
    }

    public static func decode(typeCode: UInt8, payload: ArraySlice<UInt8>) throws(PayloadError) -> HostCommand? {
        guard let type = MessageType(rawValue: typeCode), type.isCommand else { return nil }
        let reader = try PayloadReader(payload, type: type, minimumLength: minimumPayloadLength(of: type))
        switch type {
        case .identify: return .identify(hostMaxVersion: reader.uint8(at: 0))
        case .start: return .start
        case .stop: return .stop
        case .setRate: return .setSampleRate(reader.uint16(at: 0))
        case .ping: return .ping(nonce: reader.uint32(at: 0))
        case .identity, .samples, .status, .marker, .ack, .error, .pong: return nil
        }
    }

    /// The payload bytes a command of `type` needs.
    private static func minimumPayloadLength(of type: MessageType) -> Int {
        switch type {
        case .identify: 1
        case .setRate: 2
        case .ping: 4
        default: 0
        }
    }
}
