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

    /// An integer; a number with a fraction or exponent counts when its value is whole.
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else {
                guard let number = number(bytes), number == number.rounded(), abs(number) < 0x1p62 else { return nil }
                return Int(number)
            }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// A finite number. Decimals of up to 15 significant digits with a small exponent (all
    /// that the journal's writers produce for measured values) are converted exactly by one
    /// correctly rounded multiplication or division (Clinger's fast path); others go
    /// through the standard library's parser.
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var exact = true
        var inFraction = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                break
            } else {
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    if mantissa != 0 { significantDigits += 1 }
                    if inFraction { exponent -= 1 }
                } else {
                    exact = false
                    if !inFraction { exponent += 1 }
                }
            }
            index += 1
        }
        if index < bytes.count {
            index += 1
            var exponentNegative = false
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            while index < bytes.count {
                if written < 100_000 { written = written * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if exact, mantissa < 1 << 53, (-22...22).contains(exponent) {
            let value = exponent < 0 ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
            return negative ? -value : value
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// 10⁰ to 10²², every one exact in a Double.
    private static let powersOfTen: [Double] = (0...22).reduce(into: []) { powers, exponent in
        powers.append(exponent == 0 ? 1 : powers[exponent - 1] * 10)
    }

    /// A UUID in its 36-character form, either case.
    static func uuid(_ bytes: UnsafeRawBufferPointer) -> UUID? {
        guard bytes.count == 36 else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &raw) { output -> Bool in
            var index = 0
            for position in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard bytes[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return false }
                output[position] = high << 4 | low
                index += 2
            }
            return true
        }
        return ok ? UUID(uuid: raw) : nil
    }
}
