/// An intact frame (PROTOCOL.md section 2.1): its COBS encoding, length and CRC-32C are
/// checked; its version, type and payload are not yet interpreted.
public struct Frame: Sendable, Equatable {
    /// The protocol major version the sender wrote in the header.
    public var version: UInt8
    /// The message type (PROTOCOL.md section 5).
    public var typeCode: UInt8
    /// The sender's frame counter (PROTOCOL.md section 3.1).
    public var sequence: UInt16
    /// The payload, header and CRC removed. A `FrameDecoder` hands out a view of its own
    /// buffer: keeping it past the decoder's next call costs a copy of that buffer.
    public var payload: ArraySlice<UInt8>
    /// The bytes the frame took on the wire: its encoding plus the delimiter.
    public var wireByteCount: Int

    public init(version: UInt8, typeCode: UInt8, sequence: UInt16, payload: ArraySlice<UInt8>, wireByteCount: Int) {
        self.version = version
        self.typeCode = typeCode
        self.sequence = sequence
        self.payload = payload
        self.wireByteCount = wireByteCount
    }
}
