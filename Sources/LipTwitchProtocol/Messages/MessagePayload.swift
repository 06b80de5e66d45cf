/// The payload of one device message type (PROTOCOL.md section 6): how it is read from
/// and written to the wire.
protocol MessagePayload: Sendable, Equatable {
    /// The type this payload travels as.
    static var messageType: MessageType { get }
    /// The fewest bytes the payload can have (for variable payloads, the fixed part).
    static var minimumPayloadLength: Int { get }
    /// Reads and validates the payload.
    init(reading payload: PayloadReader) throws(PayloadError)
    /// Appends the payload to `buffer`.
    func encodePayload(into buffer: inout [UInt8])
}

extension MessagePayload {
    /// A reader of `payload`, which must be at least `minimumPayloadLength` bytes long.
    static func reader(of payload: ArraySlice<UInt8>) throws(PayloadError) -> PayloadReader {
        try PayloadReader(payload, type: messageType, minimumLength: minimumPayloadLength)
    }

    /// Reads and validates `payload`.
    static func decode(_ payload: ArraySlice<UInt8>) throws(PayloadError) -> Self {
        try Self(reading: reader(of: payload))
    }
}
