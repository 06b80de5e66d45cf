/// Finds bytes eight at a time in a word (SWAR): the first byte of a word that equals a
/// given byte, or is a JSON string's special character. Bytes above the first match may be
/// flagged falsely (borrows), the lowest flag never is, and only the lowest is used. Long
/// runs without a match (lines, a skipped envelope) are passed 16 bytes at a time first.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// High bit set in each byte of `word` that is zero (the lowest one exact).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// High bit set in each byte of `word` below `limit` (at most 128; the lowest exact).
    @inline(__always)
    private static func bytesBelow(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// The index of the first `byte` at or after `start`, or nil.
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let pattern = ones &* UInt64(byte)
        guard let base = bytes.baseAddress else { return nil }
        let block = SIMD16<UInt8>(repeating: byte)
        var index = skipBlocks(base, bytes.count, from: start, wide: true) { $0 .== block }
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let found = zeroBytes(word ^ pattern)
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The index of the first `"`, `\` or control character at or after `start` in the
    /// `count` bytes at `base`, or `count`.
    @inline(__always)
    static func firstSpecialInString(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int {
        let quotes = ones &* UInt64(UInt8(ascii: "\""))
        let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
        return first(
            in: base, count, from: start,
            word: { zeroBytes($0 ^ quotes) | zeroBytes($0 ^ backslashes) | bytesBelow($0, 0x20) },
            byte: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 })
    }

    /// The index of the first `"`, `[`, `]`, `{` or `}` at or after `start` in the `count`
    /// bytes at `base`, or `count`: the bytes that shape a JSON value being passed over.
    @inline(__always)
    static func firstStructural(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int {
        let quotes = ones &* UInt64(UInt8(ascii: "\""))
        // `[` and `]` are `{` and `}` without bit 5: setting it folds each pair into one.
        let opening = ones &* UInt64(UInt8(ascii: "{"))
        let closing = ones &* UInt64(UInt8(ascii: "}"))
        let skipped = skipBlocks(UnsafeRawPointer(base), count, from: start, structuralLanes)
        return first(
            in: base, count, from: skipped,
            word: { word in
                let folded = word | ones &* 0x20
                return zeroBytes(word ^ quotes) | zeroBytes(folded ^ opening) | zeroBytes(folded ^ closing)
            },
            byte: { $0 == UInt8(ascii: "\"") || $0 | 0x20 == UInt8(ascii: "{") || $0 | 0x20 == UInt8(ascii: "}") })
    }

    /// `start`, advanced past every 16-byte block in which `flags` finds nothing (one SSE2
    /// comparison each on x86-64; with `wide`, four blocks a step while there is room, for
    /// long runs such as a line): the word search then finds the exact byte.
    @inline(__always)
    private static func skipBlocks(
        _ base: UnsafeRawPointer, _ count: Int, from start: Int, wide: Bool = false,
        _ flags: (SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>
    ) -> Int {
        var index = start
        while wide, index + 64 <= count {
            let first = flags(base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self))
            let second = flags(base.loadUnaligned(fromByteOffset: index + 16, as: SIMD16<UInt8>.self))
            let third = flags(base.loadUnaligned(fromByteOffset: index + 32, as: SIMD16<UInt8>.self))
            let fourth = flags(base.loadUnaligned(fromByteOffset: index + 48, as: SIMD16<UInt8>.self))
            guard isEmpty(first .| second .| third .| fourth) else { break }
            index += 64
        }
        while index + 16 <= count, isEmpty(flags(base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self))) {
            index += 16
        }
        return index
    }

    /// No lane set: tested as two words (`any(_:)` is not always inlined, and then costs a
    /// call and a loop per block).
    @inline(__always)
    private static func isEmpty(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let lanes = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return lanes[0] | lanes[1] == 0
    }

    /// The lanes of `block` that hold `"`, `[`, `]`, `{` or `}`.
    @inline(__always)
    private static func structuralLanes(_ block: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        let folded = block | SIMD16(repeating: 0x20)
        return block .== SIMD16(repeating: UInt8(ascii: "\"")) .| folded .== SIMD16(repeating: UInt8(ascii: "{"))
            .| folded .== SIMD16(repeating: UInt8(ascii: "}"))
    }

    /// The first byte at or after `start` that `byte` accepts, a word at a time: `word` sets
    /// the high bit of each byte it accepts (the lowest exactly). `count` when there is none.
    @inline(__always)
    private static func first(
        in base: UnsafePointer<UInt8>, _ count: Int, from start: Int, word matches: (UInt64) -> UInt64,
        byte accepts: (UInt8) -> Bool
    ) -> Int {
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= count {
            let found = matches(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count {
            if accepts(base[index]) { return index }
            index += 1
        }
        return count
    }
}
