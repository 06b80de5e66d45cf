/// The 4-bit check of a BITalino frame (the firmware's `sendFrameCRC`, the Python API's
/// `read`): a CRC with the polynomial x⁴ + x + 1 over every bit of the frame, most
/// significant first, with the check's own nibble (the low half of the last byte) taken
/// as zeros. It catches every single-bit error and all but one in sixteen of the others.
public enum BITalinoCRC {
    /// The check of `frame`, whose last byte's low nibble is ignored.
    public static func checksum(of frame: ArraySlice<UInt8>) -> UInt8 {
        var crc: UInt8 = 0
        for (offset, byte) in frame.enumerated() {
            let bits = offset == frame.count - 1 ? byte & 0xF0 : byte
            for bit in (0..<8).reversed() {
                crc <<= 1
                if crc & 0x10 != 0 { crc ^= 0x13 }
                crc ^= (bits >> UInt8(bit)) & 1
            }
        }
        return crc & 0x0F
    }
}
