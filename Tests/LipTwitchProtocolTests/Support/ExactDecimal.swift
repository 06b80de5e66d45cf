/// The exact decimal expansion of a binary32 value, without exponent or trailing zeros,
/// as the vectors print scales: every finite `Float` is `m × 2^e`, so its expansion ends.
enum ExactDecimal {
    static func format(_ value: Float) -> String {
        precondition(value.isFinite, "only finite values have a decimal expansion")
        guard value != 0 else { return "0" }
        let sign = value < 0 ? "-" : ""
        let exponent = Int(value.exponentBitPattern)
        let significand = UInt32(value.significandBitPattern) | (exponent == 0 ? 0 : 1 << 23)
        let binaryExponent = (exponent == 0 ? 1 : exponent) - 127 - 23
        // value = significand × 2^binaryExponent
        var digits = Digits(significand)
        if binaryExponent >= 0 {
            for _ in 0..<binaryExponent { digits.multiply(by: 2) }
            return sign + digits.text(fractionDigits: 0)
        }
        // significand / 2^k = significand × 5^k / 10^k
        for _ in 0..<(-binaryExponent) { digits.multiply(by: 5) }
        return sign + digits.text(fractionDigits: -binaryExponent)
    }

    /// A non-negative integer as decimal digits, least significant first.
    private struct Digits {
        var digits: [UInt8]

        init(_ value: UInt32) {
            digits = String(value).utf8.reversed().map { $0 - UInt8(ascii: "0") }
        }

        mutating func multiply(by factor: UInt8) {
            var carry = 0
            for index in digits.indices {
                let product = Int(digits[index]) * Int(factor) + carry
                digits[index] = UInt8(product % 10)
                carry = product / 10
            }
            while carry > 0 {
                digits.append(UInt8(carry % 10))
                carry /= 10
            }
        }

        /// The number divided by 10^fractionDigits, trailing fraction zeros removed.
        func text(fractionDigits: Int) -> String {
            var padded = digits
            while padded.count <= fractionDigits { padded.append(0) }
            let characters = padded.reversed().map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
            let integerPart = String(characters.dropLast(fractionDigits))
            var fraction = String(characters.suffix(fractionDigits))
            while fraction.last == "0" { fraction.removeLast() }
            return fraction.isEmpty ? integerPart : integerPart + "." + fraction
        }
    }
}
