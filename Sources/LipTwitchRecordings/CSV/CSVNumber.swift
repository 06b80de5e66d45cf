/// Parses a decimal number from the bytes of a CSV field, without allocating in the common
/// case: an optional sign, digits with an optional point, an optional exponent (`-12.5`,
/// `3e-2`, `.5`). `nan` (any case) is NaN, a missing value. Anything else is not a number.
///
/// The value is the one `Double(String)` gives, to the last bit. Up to 19 digits whose
/// value fits a Double's 53-bit significand, scaled by a power of ten of at most 22 (every
/// number `liptwitch generate` and most recorders write) take one exact conversion and one
/// correctly rounded multiplication or division; anything else (more digits, larger
/// exponents) is handed to the standard library's parser.
enum CSVNumber {
    /// The number `field` holds, all of it; nil when it is not a number.
    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let bytes = field.baseAddress, let number = parse(bytes, from: 0, upTo: field.count),
              number.end == field.count
        else { return nil }
        return number.value
    }

    /// The number that starts at `bytes[start]` and where it ends (the index of the first
    /// byte after it, at most `limit`); nil when no number starts there or its exponent
    /// has no digits.
    static func parse(_ bytes: UnsafePointer<UInt8>, from start: Int, upTo limit: Int) -> (value: Double, end: Int)? {
        var index = start
        let sign = index < limit ? bytes[index] : 0
        if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { index += 1 }
        if limit - index >= 3, isNaN(bytes + index) { return (.nan, index + 3) }
        var mantissa: UInt64 = 0
        let integerStart = index
        while index < limit, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
        var digitCount = index - integerStart
        var fractionDigits = 0
        if index < limit, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < limit, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
            digitCount += fractionDigits
        }
        guard digitCount > 0 else { return nil }
        var exponent = -fractionDigits
        if index < limit, bytes[index] | 0x20 == UInt8(ascii: "e") {
            guard let written = exponentValue(bytes, from: index + 1, upTo: limit, end: &index) else { return nil }
            exponent += written
        }
        guard digitCount <= 19, mantissa <= 1 << 53, (-22...22).contains(exponent) else {
            let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: index - start), as: UTF8.self)
            return Double(text).map { ($0, index) }
        }
        let magnitude = exponent < 0
            ? Double(mantissa) / exactPowersOfTen[-exponent] : Double(mantissa) * exactPowersOfTen[exponent]
        return (sign == UInt8(ascii: "-") ? -magnitude : magnitude, index)
    }

    /// Whether the three bytes at `bytes` spell `nan`, in any case.
    private static func isNaN(_ bytes: UnsafePointer<UInt8>) -> Bool {
        bytes[0] | 0x20 == UInt8(ascii: "n") && bytes[1] | 0x20 == UInt8(ascii: "a") && bytes[2] | 0x20 == UInt8(ascii: "n")
    }

    /// The exponent written from `start` on: a sign and at least one digit; sets `end`
    /// after its last digit. Nil without digits. Clamped to ±10 000, which no Double reaches.
    private static func exponentValue(
        _ bytes: UnsafePointer<UInt8>, from start: Int, upTo limit: Int, end: inout Int
    ) -> Int? {
        var index = start
        let sign = index < limit ? bytes[index] : 0
        if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { index += 1 }
        let digitsStart = index
        var value = 0
        while index < limit, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            value = min(value * 10 + Int(digit), 10_000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        end = index
        return sign == UInt8(ascii: "-") ? -value : value
    }

    /// The powers of ten a Double holds exactly, so that one multiplication or division
    /// rounds once. Written out, so that the compiler lays the table out in the binary
    /// instead of building it on first use behind a check at every call.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]
}
