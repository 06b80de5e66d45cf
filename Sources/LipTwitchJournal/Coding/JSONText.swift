#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Values from the bytes of JSON tokens: strings (unescaped), integers and numbers (with an
/// exact fast path for the short decimals the journal writes), UUIDs and RFC 3339 times.
enum JSONText {
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The content of a string token (between the quotes), escapes resolved. Invalid UTF-8
    /// and lone surrogates become U+FFFD.
    static func string(_ bytes: UnsafeRawBufferPointer, hasEscapes: Bool) -> String {
        guard hasEscapes else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var pendingHighSurrogate: UInt32?
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                flush(&pendingHighSurrogate, into: &output)
                output.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            guard escaped == UInt8(ascii: "u") else {
                flush(&pendingHighSurrogate, into: &output)
                switch escaped {
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                default: output.append(escaped)
                }
                continue
            }
            var unit: UInt32 = 0
            for offset in 0..<4 { unit = unit << 4 | UInt32(hexValue(bytes[index + offset]) ?? 0) }
            index += 4
            switch unit {
            case 0xD800...0xDBFF:
                flush(&pendingHighSurrogate, into: &output)
                pendingHighSurrogate = unit
            case 0xDC00...0xDFFF:
                if let high = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &output)
                } else {
                    appendUTF8(0xFFFD, to: &output)
                }
            default:
                flush(&pendingHighSurrogate, into: &output)
                appendUTF8(unit, to: &output)
            }
        }
        flush(&pendingHighSurrogate, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func flush(_ pendingHighSurrogate: inout UInt32?, into output: inout [UInt8]) {
        guard pendingHighSurrogate != nil else { return }
        pendingHighSurrogate = nil
        appendUTF8(0xFFFD, to: &output)
    }

    private static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        output.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// The integer of a number token, from the value its scan computed when it could.
    static func integer(_ token: JSONTape.Token, in bytes: UnsafeRawBufferPointer) -> Int? {
        if token.isInteger, abs(token.value) <= 0x1p53 { return Int(token.value) }
        return integer(JSONTape.text(of: token, in: bytes))
    }

    /// The number of a number token, from the value its scan computed when it could.
    static func number(_ token: JSONTape.Token, in bytes: UnsafeRawBufferPointer) -> Double? {
        token.value.isNaN ? number(JSONTape.text(of: token, in: bytes)) : token.value
    }

    /// An integer; a number with a fraction or exponent counts when its value is whole.
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let (accumulator, negative, isInteger) = scan(bytes)
        if isInteger, let value = accumulator.integer(negative: negative) { return value }
        if isInteger { return Int(String(decoding: bytes, as: UTF8.self)) }
        guard let number = number(bytes), number == number.rounded(), abs(number) < 0x1p62 else { return nil }
        return Int(number)
    }

    /// A finite number: exact and fast for short decimals (`DecimalAccumulator`), through
    /// the standard library's parser otherwise.
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let (accumulator, negative, _) = scan(bytes)
        if let value = accumulator.value(negative: negative) { return value }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Gathers the digits of a valid JSON number.
    private static func scan(_ bytes: UnsafeRawBufferPointer) -> (DecimalAccumulator, negative: Bool, isInteger: Bool) {
        var accumulator = DecimalAccumulator()
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var inFraction = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                break
            } else {
                if inFraction {
                    accumulator.addFraction(byte &- UInt8(ascii: "0"))
                } else {
                    accumulator.add(byte &- UInt8(ascii: "0"))
                }
            }
            index += 1
        }
        let isInteger = !inFraction && index == bytes.count
        if index < bytes.count {
            accumulator.addExponent(exponent(UnsafeRawBufferPointer(rebasing: bytes[(index + 1)...])))
        }
        return (accumulator, negative, isInteger)
    }

    /// The exponent after `e`: sign and digits, capped far beyond any finite double.
    static func exponent(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var written = 0
        while index < bytes.count {
            if written < 100_000 { written = written * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
            index += 1
        }
        return negative ? -written : written
    }

    /// A UUID in its 36-character form, either case: its 32 hex digits read eight at a time.
    static func uuid(_ bytes: UnsafeRawBufferPointer) -> UUID? {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
            bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
        else { return nil }
        func load(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        func halves(_ first: Int, _ second: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: first, as: UInt32.self)))
                | UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: second, as: UInt32.self))) << 32
        }
        guard let a = hexWord(load(0)), let b = hexWord(halves(9, 14)), let c = hexWord(halves(19, 24)),
            let d = hexWord(load(28))
        else { return nil }
        let high = (UInt64(a) << 32 | UInt64(b)).bigEndian
        let low = (UInt64(c) << 32 | UInt64(d)).bigEndian
        return withUnsafeBytes(of: (high, low)) { raw in
            UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                        raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
        }
    }

    /// The value of eight hex digits loaded little-endian (the first digit in the lowest
    /// byte), or nil when one is no hex digit: every byte checked and converted at once.
    @inline(__always)
    static func hexWord(_ text: UInt64) -> UInt32? {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let folded = text | ones &* 0x20
        // A byte below 0x80 is in lo...hi when adding 0x80 - lo sets its high bit and adding
        // 0x7F - hi does not (no carry leaves a byte below 0x80).
        let digits = (text &+ ones &* 0x50) & ~(text &+ ones &* 0x46) & highs
        let letters = (folded &+ ones &* 0x1F) & ~(folded &+ ones &* 0x19) & highs
        guard text & highs == 0, digits | letters == highs else { return nil }
        var value = (text & (ones &* 0x0F)) &+ (letters >> 7) &* 9
        value = (value & 0x000F_000F_000F_000F) << 4 | (value >> 8) & 0x000F_000F_000F_000F
        value = (value & 0x0000_00FF_0000_00FF) << 8 | (value >> 16) & 0x0000_00FF_0000_00FF
        value = (value & 0xFFFF) << 16 | (value >> 32) & 0xFFFF
        return UInt32(truncatingIfNeeded: value)
    }
}
