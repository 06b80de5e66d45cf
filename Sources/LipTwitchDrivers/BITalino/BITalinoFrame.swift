/// One frame of a BITalino (r)evolution in live mode (PLUX's "BITalino (r)evolution Lower
/// Level Protocol", the firmware's `live.c`): the acquired analog channels packed from the
/// end of the frame backwards, then the four digital bits, then a byte holding the 4-bit
/// sequence number (high nibble) and the 4-bit CRC (low nibble). It has no header: its
/// length follows from how many channels the start command asked for.
///
/// The channels are the acquired ones in ascending order: the first four slots hold
/// 10-bit values, the fifth and sixth only the 6 upper bits of theirs. With one channel
/// acquired, whichever it is, its value is the first slot's, at 10 bits.
public struct BITalinoFrame: Sendable, Equatable {
    /// The sequence number, 0 to 15 and around (it counts timer ticks, so a frame the
    /// board could not send still advances it).
    public var sequence: UInt8
    /// I1, I2, O1, O2 as the frame's bits 7 to 4 of its second-to-last byte.
    public var digital: UInt8
    /// The acquired channels' values in slot order: 0 to 1023 for the first four slots, 0
    /// to 63 for the fifth and sixth.
    public var analog: [Int]

    public init(sequence: UInt8, digital: UInt8, analog: [Int]) {
        self.sequence = sequence
        self.digital = digital
        self.analog = analog
    }

    /// The channels a start command can ask for.
    public static let channelCounts = 1...6

    /// Bytes of a frame with `channelCount` analog channels (1 to 6): 3, 4, 6, 7, 8 or 8.
    public static func byteCount(channelCount: Int) -> Int {
        let bits = channelCount <= 4 ? 12 + 10 * channelCount : 52 + 6 * (channelCount - 4)
        return (bits + 7) / 8
    }

    /// Reads a frame of `channelCount` channels from exactly its bytes (the CRC is the
    /// caller's to check).
    init(bytes: ArraySlice<UInt8>, channelCount: Int) {
        // Counted from the end, as the frame is packed: back(1) is the last byte.
        func back(_ offset: Int) -> Int { Int(bytes[bytes.endIndex - offset]) }
        sequence = UInt8(back(1) >> 4)
        digital = UInt8(back(2) >> 4)
        var values: [Int] = []
        values.reserveCapacity(channelCount)
        if channelCount > 0 { values.append((back(2) & 0x0F) << 6 | back(3) >> 2) }
        if channelCount > 1 { values.append((back(3) & 0x03) << 8 | back(4)) }
        if channelCount > 2 { values.append(back(5) << 2 | back(6) >> 6) }
        if channelCount > 3 { values.append((back(6) & 0x3F) << 4 | back(7) >> 4) }
        if channelCount > 4 { values.append((back(7) & 0x0F) << 2 | back(8) >> 6) }
        if channelCount > 5 { values.append(back(8) & 0x3F) }
        analog = values
    }
}
