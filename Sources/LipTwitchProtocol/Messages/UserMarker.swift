/// MARKER (`0x04`, PROTOCOL.md section 6.4): the wearer pressed the sensor's button,
/// ground truth for calibrating and checking the twitch detector.
public struct UserMarker: Sendable, Equatable {
    /// Device time of the press, µs.
    public var timestampMicros: UInt32
    /// Index of the sample being taken at the press (PROTOCOL.md section 3.3).
    public var sampleIndex: UInt32
    public var kind: MarkerKind

    public init(timestampMicros: UInt32, sampleIndex: UInt32, kind: MarkerKind) {
        self.timestampMicros = timestampMicros
        self.sampleIndex = sampleIndex
        self.kind = kind
    }
}

extension UserMarker: MessagePayload {
    static var messageType: MessageType { .marker }
    static var minimumPayloadLength: Int { 9 }

    init(reading payload: PayloadReader) throws(PayloadError) {
        let kindCode = payload.uint8(at: 8)
        guard let kind = MarkerKind(rawValue: kindCode) else {
            throw payload.failure("marker_kind \(kindCode) is not 1 (short press) or 2 (long press)")
        }
        self.init(timestampMicros: payload.uint32(at: 0), sampleIndex: payload.uint32(at: 4), kind: kind)
    }

    func encodePayload(into buffer: inout [UInt8]) {
        buffer.appendLittleEndian(timestampMicros)
        buffer.appendLittleEndian(sampleIndex)
        buffer.append(kind.rawValue)
    }
}
