/// Packs BITalino (r)evolution frames the way PLUX's firmware does (`live.c` and
/// `sendFrameCRC` in `uart.c`, firmware-bitalino-revolution; the layout the Python API's
/// `read` unpacks): an 8-byte frame filled from the end with the channels' codes as
/// little-endian words (the first at bit 2 of bytes 5 and 6 under the four digital bits,
/// the second in bytes 4 and 5, the third at bit 6 of bytes 2 and 3, the fourth at bit 4
/// of bytes 1 and 2, the fifth's and sixth's six upper bits in bytes 0 and 1), the last
/// byte the sequence number over the CRC, worked nibble by nibble with the firmware's
/// table; the frame's tail is sent, 3 to 8 bytes by the number of channels.
public enum BITalinoFramePacker {
    /// The firmware's CRC table (x⁴ + x + 1), one nibble at a time.
    static let crcTable: [UInt8] = [0, 3, 6, 5, 12, 15, 10, 9, 11, 8, 13, 14, 7, 4, 1, 2]

    /// The bytes of a frame of `codes` (the acquired channels' 10-bit codes, 1 to 6 of
    /// them, in channel order), numbered `sequence` (modulo 16), with the digital bits
    /// I1 I2 O1 O2 of `digital`.
    public static func frame(_ codes: [Int], sequence: UInt8, digital: UInt8 = 0) -> [UInt8] {
        precondition((1...6).contains(codes.count), "a frame carries 1 to 6 channels")
        var frame = [UInt8](repeating: 0, count: 8)
        func or(word value: Int, at index: Int) {
            frame[index] |= UInt8(value & 0xFF)
            frame[index + 1] |= UInt8(value >> 8 & 0xFF)
        }
        frame[6] = (digital & 0x0F) << 4
        or(word: codes[0] << 2, at: 5)
        if codes.count > 1 { or(word: codes[1], at: 4) }
        if codes.count > 2 { or(word: codes[2] << 6, at: 2) }
        if codes.count > 3 { or(word: codes[3] << 4, at: 1) }
        if codes.count > 4 { or(word: (codes[4] & 0x3F0) << 2, at: 0) }
        if codes.count > 5 { frame[0] |= UInt8(codes[5] >> 4) }
        var start = 6 - codes.count
        if (3...5).contains(codes.count) { start -= 1 }
        var crc: UInt8 = 0
        for byte in frame[start..<7] {
            crc = crcTable[Int(crc)] ^ (byte >> 4)
            crc = crcTable[Int(crc)] ^ (byte & 0x0F)
        }
        crc = crcTable[Int(crc)] ^ (sequence & 0x0F)
        frame[7] = (sequence & 0x0F) << 4 | crcTable[Int(crc)]
        return Array(frame[start...])
    }
}
