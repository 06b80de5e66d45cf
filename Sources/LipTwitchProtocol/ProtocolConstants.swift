/// The fixed numbers of the wire protocol (PROTOCOL.md sections 2 and 6), in one place.
public enum ProtocolConstants {
    /// The protocol major version this module speaks; written in every frame header.
    public static let version: UInt8 = 1
    /// The protocol minor version this module implements.
    public static let minorVersion: UInt8 = 0
    /// Frame header: version(1), type(1), sequence(2).
    public static let headerLength = 4
    /// The CRC-32C that ends every frame.
    public static let crcLength = 4
    /// The largest frame before COBS, header and CRC included.
    public static let maxFrameLength = 1024
    /// The largest payload: `maxFrameLength` minus header and CRC.
    public static let maxPayloadLength = maxFrameLength - headerLength - crcLength
    /// The largest COBS-encoded frame, delimiter not included.
    public static let maxEncodedFrameLength = 1029
    /// The smallest frame (empty payload); anything shorter is a runt.
    public static let minFrameLength = headerLength + crcLength
    /// The most channels a sensor may have.
    public static let maxChannels = 8
    /// The byte that ends every frame on the wire.
    public static let delimiter: UInt8 = 0
    /// The documented line rates of a UART link, in the order a host tries them
    /// (PROTOCOL.md section 1): the default, then the two a 16 MHz microcontroller makes
    /// exactly.
    public static let lineRates = [921_600, 500_000, 1_000_000]
}
