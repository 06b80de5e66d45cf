/// Anything that travels in a frame: device messages (`DeviceMessage`) and host commands
/// (`HostCommand`). Each conforming type is one direction of the protocol.
public protocol WireMessage: Sendable, Equatable {
    /// The message type written in the frame header (PROTOCOL.md section 5).
    var typeCode: UInt8 { get }

    /// Appends the payload (PROTOCOL.md sections 6 and 7) to `buffer`, after whatever it
    /// already holds.
    func encodePayload(into buffer: inout [UInt8])

    /// Reads a message from the payload of an intact frame of type `typeCode`.
    ///
    /// Returns nil when `typeCode` is not a type of this direction (an unknown type); throws
    /// `PayloadError` when it is, but the payload is too short or a field is outside its
    /// valid range. Bytes beyond the payload length the type needs are ignored.
    static func decode(typeCode: UInt8, payload: ArraySlice<UInt8>) throws(PayloadError) -> Self?

    /// Like `decode(typeCode:payload:)`, but may take storage (such as the sample value
    /// array) from `recycled`, a message handed out before: when nobody holds that message
    /// any more, decoding then allocates nothing. Sets `recycled` to nil when it took its
    /// storage or could never use it; leaves it otherwise, for a later message.
    static func decode(
        typeCode: UInt8, payload: ArraySlice<UInt8>, recycling recycled: inout Self?
    ) throws(PayloadError) -> Self?
}

extension WireMessage {
    /// Recycles nothing: for messages that hold no storage worth reusing.
    public static func decode(
        typeCode: UInt8, payload: ArraySlice<UInt8>, recycling recycled: inout Self?
    ) throws(PayloadError) -> Self? {
        recycled = nil
        return try decode(typeCode: typeCode, payload: payload)
    }
}
