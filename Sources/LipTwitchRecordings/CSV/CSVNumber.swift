/// Parses a decimal number from the bytes of a CSV field, fast and without allocating:
/// an optional sign, digits with an optional point, an optional exponent (`-12.5`,
/// `3e-2`, `.5`). `nan` (any case) is NaN, a missing value. Anything else is not a number.
enum CSVNumber {
    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let count = field.count
        var negative = false
        if index < count, field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+") {
            negative = field[index] == UInt8(ascii: "-")
            index += 1
        }
        if count - index == 3, isNaN(field, from: index) { return .nan }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var digitCount = 0
        var sawPoint = false
        while index < count {
            let byte = field[index]
            if byte == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                digitCount += 1
                if significantDigits < 19 {
                    if mantissa != 0 || byte != UInt8(ascii: "0") { significantDigits += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                    if sawPoint { exponent -= 1 }
                } else if !sawPoint {
                    exponent += 1
                }
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        if index < count {
            guard field[index] | 0x20 == UInt8(ascii: "e"), let written = exponentValue(field, from: index + 1) else {
                return nil
            }
            exponent += written
        }
        let magnitude = scaled(Double(mantissa), byPowerOfTen: exponent)
        return negative ? -magnitude : magnitude
    }

    private static func isNaN(_ field: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        field[index] | 0x20 == UInt8(ascii: "n") && field[index + 1] | 0x20 == UInt8(ascii: "a")
            && field[index + 2] | 0x20 == UInt8(ascii: "n")
    }

    private static func exponentValue(_ field: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var negative = false
        if index < field.count, field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+") {
            negative = field[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < field.count else { return nil }
        var value = 0
        while index < field.count {
            let digit = field[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = min(value * 10 + Int(digit), 10_000)
            index += 1
        }
        return negative ? -value : value
    }

    /// Exact powers of ten a Double holds, so that one multiplication or division rounds once.
    private static let exactPowersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { product, _ in product * 10 }
    }

    @inline(__always)
    private static func scaled(_ value: Double, byPowerOfTen exponent: Int) -> Double {
        if value == 0 { return 0 }
        if exponent >= 0 {
            return exponent <= 22 ? value * exactPowersOfTen[exponent] : value * pow10(exponent)
        }
        return -exponent <= 22 ? value / exactPowersOfTen[-exponent] : value / pow10(-exponent)
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        var remaining = exponent
        while remaining > 22 {
            guard result.isFinite else { return .infinity }
            result *= exactPowersOfTen[22]
            remaining -= 22
        }
        return result * exactPowersOfTen[remaining]
    }
}
