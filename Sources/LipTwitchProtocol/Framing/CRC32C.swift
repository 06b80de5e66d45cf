/// CRC-32C (Castagnoli, "CRC-32/ISCSI"), the checksum that ends every frame
/// (PROTOCOL.md section 2.3): reflected polynomial `0x82F63B78`, init and xor-out
/// `0xFFFFFFFF`. Table-driven, slicing by 8.
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

    /// Feeds `bytes` into a running CRC register (neither inverted on entry nor on exit).
    static func update(_ register: UInt32, with bytes: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { table in
            var crc = register
            var offset = 0
            while offset + 8 <= bytes.count {
                let low = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                crc = table[7 << 8 | Int(low & 0xFF)] ^ table[6 << 8 | Int(low >> 8 & 0xFF)]
                    ^ table[5 << 8 | Int(low >> 16 & 0xFF)] ^ table[4 << 8 | Int(low >> 24)]
                    ^ table[3 << 8 | Int(high & 0xFF)] ^ table[2 << 8 | Int(high >> 8 & 0xFF)]
                    ^ table[1 << 8 | Int(high >> 16 & 0xFF)] ^ table[Int(high >> 24)]
                offset += 8
            }
            while offset < bytes.count {
                crc = table[Int((crc ^ UInt32(bytes[offset])) & 0xFF)] ^ crc >> 8
                offset += 1
            }
            return crc
        }
    }

    /// The reflected CRC-32C polynomial.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// Eight 256-entry tables, back to back: table `k` advances the register over a byte
    /// followed by `k` zero bytes, which lets the main loop consume 8 bytes per step.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
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
