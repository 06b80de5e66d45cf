/// The digits of a JSON number gathered as they are scanned: a mantissa of up to 19
/// digits and a decimal exponent. When the mantissa fits in 53 bits and the exponent in
/// ±22 (every value the journal's writers produce for measurements), the number is one
/// correctly rounded multiplication or division of two exact doubles (Clinger's fast
/// path); otherwise `value` is nil and the standard library parses the text.
struct DecimalAccumulator {
    private var mantissa: UInt64 = 0
    private var digits = 0
    private var exponent = 0

    /// Adds a digit (0 to 9) of the integer part.
    @inline(__always)
    mutating func add(_ digit: UInt8) {
        mantissa = mantissa &* 10 &+ UInt64(digit)
        digits += 1
    }

    /// Adds a digit of the fraction.
    @inline(__always)
    mutating func addFraction(_ digit: UInt8) {
        add(digit)
        exponent -= 1
    }

    /// Adds the written exponent (`e-3`: -3).
    mutating func addExponent(_ written: Int) {
        exponent += written
    }

    /// The integer, when the number is one that fits exactly (no fraction, no exponent).
    func integer(negative: Bool) -> Int? {
        guard digits <= 19, exponent == 0, mantissa <= UInt64(Int.max) else { return nil }
        return negative ? -Int(mantissa) : Int(mantissa)
    }

    @inline(__always)
    func value(negative: Bool) -> Double? {
        guard digits <= 19, mantissa < 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let magnitude = exponent < 0
            ? Double(mantissa) / Self.powersOfTen[-exponent] : Double(mantissa) * Self.powersOfTen[exponent]
        return negative ? -magnitude : magnitude
    }

    /// 10⁰ to 10²², every one exact in a Double (a literal, so no lazy initialization).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]
}
