/// Turns messages into complete wire frames (PROTOCOL.md section 2): header, payload,
/// CRC-32C, COBS, then the `0x00` delimiter; keeps the sender's sequence counter.
///
/// Encoders take values as they are: they check only that the frame can be built at all
/// (a payload of at most `ProtocolConstants.maxPayloadLength` bytes, and what each message's
/// `encodePayload(into:)` documents) and stop the program otherwise. They do not enforce the
/// spec's valid ranges, so a test can build a frame a receiver must call malformed.
public struct FrameEncoder: Sendable {
    /// The sequence number the next frame gets; it wraps from 65535 to 0.
    public private(set) var nextSequence: UInt16
    /// The frame being built, kept so that its storage is reused.
    private var frame: [UInt8] = []

    public init(firstSequence: UInt16 = 0) {
        nextSequence = firstSequence
    }

    /// Appends the wire frame of `message`, numbered `nextSequence`, to `output`, and
    /// advances `nextSequence`.
    public mutating func encode(_ message: some WireMessage, into output: inout [UInt8]) {
        Self.encode(message, sequence: nextSequence, building: &frame, into: &output)
        nextSequence &+= 1
    }

    /// Appends the wire frame of `message`, numbered `sequence`, to `output`.
    public static func encode(_ message: some WireMessage, sequence: UInt16, into output: inout [UInt8]) {
        var frame: [UInt8] = []
        encode(message, sequence: sequence, building: &frame, into: &output)
    }

    /// Appends a wire frame with any header and payload bytes to `output`: frames that no
    /// message produces (other versions, unknown types, short payloads), for tests and tools.
    public static func encodeFrame(
        version: UInt8 = ProtocolConstants.version, typeCode: UInt8, sequence: UInt16,
        payload: some Collection<UInt8>, into output: inout [UInt8]
    ) {
        var frame: [UInt8] = []
        appendHeader(version: version, typeCode: typeCode, sequence: sequence, to: &frame)
        frame.append(contentsOf: payload)
        seal(&frame, into: &output)
    }

    private static func encode(
        _ message: some WireMessage, sequence: UInt16, building frame: inout [UInt8], into output: inout [UInt8]
    ) {
        frame.removeAll(keepingCapacity: true)
        appendHeader(version: ProtocolConstants.version, typeCode: message.typeCode, sequence: sequence, to: &frame)
        message.encodePayload(into: &frame)
        seal(&frame, into: &output)
    }

    private static func appendHeader(version: UInt8, typeCode: UInt8, sequence: UInt16, to frame: inout [UInt8]) {
        frame.append(version)
        frame.append(typeCode)
        frame.appendLittleEndian(sequence)
    }

    /// Appends the CRC to `frame` (header and payload), then its encoding and delimiter to `output`.
    private static func seal(_ frame: inout [UInt8], into output: inout [UInt8]) {
        let payloadLength = frame.count - ProtocolConstants.headerLength
        precondition(
            payloadLength <= ProtocolConstants.maxPayloadLength,
            "a payload of \(payloadLength) bytes does not fit a frame (at most \(ProtocolConstants.maxPayloadLength))")
        frame.appendLittleEndian(CRC32C.checksum(frame))
        COBS.encode(frame, into: &output)
        output.append(ProtocolConstants.delimiter)
    }
}
