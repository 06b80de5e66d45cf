/// PONG (`0x07`, PROTOCOL.md section 6.7): the reply to PING, with the device time it was
/// handled at.
public struct Pong: Sendable, Equatable {
    /// Copied from the PING.
    public var nonce: UInt32
    /// Device time when the PING was handled, µs.
    public var timestampMicros: UInt32

    public init(nonce: UInt32, timestampMicros: UInt32) {
        self.nonce = nonce
        self.timestampMicros = timestampMicros
    }
}

extension Pong: MessagePayload {
    static var messageType: MessageType { .pong }
    static var minimumPayloadLength: Int { 8 }

    init(reading payload: PayloadReader) throws(PayloadError) {
        self.init(nonce: payload.uint32(at: 0), timestampMicros: payload.uint32(at: 4))
    }

    func encodePayload(into buffer: inout [UInt8]) {
        buffer.appendLittleEndian(nonce)
        buffer.appendLittleEndian(timestampMicros)
    }
}
