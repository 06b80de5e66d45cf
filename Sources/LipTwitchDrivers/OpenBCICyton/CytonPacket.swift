/// One 33-byte data packet of an OpenBCI Cyton (OpenBCI's "Cyton Data Format"): the header
/// `0xA0`, a sample number counting 0 to 255 and around, eight channels of 24-bit
/// big-endian two's complement ADS1299 counts, six auxiliary bytes, and a footer `0xC0` to
/// `0xC6` that says what the auxiliary bytes hold (`0xC0`: the accelerometer's x, y and z
/// as 16-bit big-endian counts).
public struct CytonPacket: Sendable, Equatable {
    public static let byteCount = 33
    public static let header: UInt8 = 0xA0
    /// Footers of the packet types the firmware sends.
    public static let footers: ClosedRange<UInt8> = 0xC0...0xC6
    /// The footer of a packet whose auxiliary bytes are the accelerometer's.
    public static let accelerometerFooter: UInt8 = 0xC0
    public static let channelCount = 8

    public var sampleNumber: UInt8
    /// The eight channels' counts, sign-extended.
    public var channels: [Int32]
    /// The six auxiliary bytes as three big-endian 16-bit values.
    public var auxiliary: [Int16]
    public var footer: UInt8

    public init(sampleNumber: UInt8, channels: [Int32], auxiliary: [Int16], footer: UInt8) {
        self.sampleNumber = sampleNumber
        self.channels = channels
        self.auxiliary = auxiliary
        self.footer = footer
    }

    /// Reads a packet from 33 bytes that begin with the header and end with a footer.
    init(bytes: ArraySlice<UInt8>) {
        let base = bytes.startIndex
        sampleNumber = bytes[base + 1]
        channels = (0..<Self.channelCount).map { channel in
            let at = base + 2 + 3 * channel
            let raw = Int32(bytes[at]) << 16 | Int32(bytes[at + 1]) << 8 | Int32(bytes[at + 2])
            return (raw << 8) >> 8
        }
        auxiliary = (0..<3).map { index in
            let at = base + 26 + 2 * index
            return Int16(bitPattern: UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]))
        }
        footer = bytes[base + 32]
    }

    /// The accelerometer's x, y and z counts, when the packet carries them (the firmware
    /// sends new values at 25 Hz and zeros in between).
    public var accelerometer: [Int16]? {
        footer == Self.accelerometerFooter ? auxiliary : nil
    }
}
