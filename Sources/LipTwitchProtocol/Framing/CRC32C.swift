/// CRC-32C (Castagnoli, "CRC-32/ISCSI"), the checksum that ends every frame
/// (PROTOCOL.md section 2.3): reflected polynomial `0x82F63B78`, init and xor-out
/// `0xFFFFFFFF`. Table-driven, slicing by 16.
public enum CRC32C {
    /// The CRC-32C of `bytes`. Contiguous collections (arrays, slices) are checksummed
    /// in place; other sequences are copied first.
    @inlinable
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        if let crc = bytes.withContiguousStorageIfAvailable({ checksum(UnsafeRawBufferPointer($0)) }) {
            return crc
        }
        return Array(bytes).withUnsafeBytes { checksum($0) }
    }

    /// The CRC-32C of the bytes `bytes` points at.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        ~update(UInt32.max, with: bytes)
    }

    /// Feeds `bytes` into a running CRC register (neither inverted on entry nor on exit):
    /// 16 bytes a step, each through its own table, then byte by byte.
    static func update(_ register: UInt32, with bytes: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { tables in
            guard let table = tables.baseAddress, let source = bytes.baseAddress else { return register }
            var crc = register
            var offset = 0
            let count = bytes.count
            while offset + 16 <= count {
                let low = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ UInt64(crc)
                let high = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                crc = lookUp(table, low, from: 8) ^ lookUp(table, high, from: 0)
                offset += 16
            }
            while offset < count {
                let byte = source.load(fromByteOffset: offset, as: UInt8.self)
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ crc >> 8
                offset += 1
            }
            return crc
        }
    }

    /// The eight bytes of `word` (first byte lowest) through tables `first + 7` down to
    /// `first`, xored.
    @inline(__always)
    private static func lookUp(_ table: UnsafePointer<UInt32>, _ word: UInt64, from first: Int) -> UInt32 {
        var result: UInt32 = 0
        for byte in 0..<8 {
            result ^= table[(first + 7 - byte) << 8 | Int(truncatingIfNeeded: word >> (8 * byte)) & 0xFF]
        }
        return result
    }

    /// The reflected CRC-32C polynomial.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// Sixteen 256-entry tables, back to back: table `k` advances the register over a byte
    /// followed by `k` zero bytes, which lets the main loop consume 16 bytes per step.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 16 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? crc >> 1 ^ polynomial : crc >> 1 }
            tables[byte] = crc
        }
        for index in 256..<tables.count {
            let previous = tables[index - 256]
            tables[index] = tables[Int(previous & 0xFF)] ^ previous >> 8
        }
        return tables
    }()
}
