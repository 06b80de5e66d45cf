/// Why a candidate frame was dropped or skipped (PROTOCOL.md section 2.4, steps 2 to 8).
///
/// `byteCount` is the number of encoded bytes the candidate had, its `0x00` delimiter not
/// included.
public enum FrameError: Error, Sendable, Equatable {
    /// More than `ProtocolConstants.maxEncodedFrameLength` bytes arrived before a
    /// delimiter, or the candidate decoded to more than `ProtocolConstants.maxFrameLength`
    /// bytes. Dropped.
    case oversize(byteCount: Int)
    /// A COBS code byte points past the end of the candidate. Dropped.
    case invalidEncoding(byteCount: Int)
    /// The candidate decoded to fewer than `ProtocolConstants.minFrameLength` bytes. Dropped.
    case runt(byteCount: Int)
    /// The CRC-32C does not match: the frame was damaged on the way. Dropped.
    case crcMismatch(byteCount: Int)
    /// An intact frame of a major version this module does not speak. Dropped.
    case unsupportedVersion(UInt8)
    /// An intact frame whose type is unknown, or belongs to the other direction. Skipped;
    /// its sequence number still counts.
    case unknownMessageType(UInt8)
    /// An intact frame whose payload is too short or holds a field outside its valid range.
    /// Skipped; its sequence number still counts.
    case malformedPayload(PayloadError)

    /// The candidate's encoded length for the four framing errors (oversize, invalid
    /// encoding, runt, CRC mismatch); nil for errors of intact frames.
    public var byteCount: Int? {
        switch self {
        case .oversize(let byteCount), .invalidEncoding(let byteCount), .runt(let byteCount),
             .crcMismatch(let byteCount):
            byteCount
        case .unsupportedVersion, .unknownMessageType, .malformedPayload:
            nil
        }
    }
}
