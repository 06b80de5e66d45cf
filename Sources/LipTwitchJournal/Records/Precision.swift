/// The precision the journal keeps measured values at: what they mean, and no more.
/// Lines stay short, and the reader converts every such number exactly on its fast path
/// (`DecimalAccumulator`). A value that is not finite becomes 0: JSON cannot hold it, and
/// a record whose required number were `null` could not be read back. docs/JOURNAL.md,
/// "Numbers".
enum Precision {
    /// `value` rounded to `digits` significant digits (4: 212.5, 0.01234); values too large
    /// or too small for exact scaling are kept as they are.
    static func significant(_ value: Double, _ digits: Int) -> Double {
        guard value.isFinite else { return 0 }
        guard value != 0 else { return value }
        var shift = digits - 1
        var magnitude = abs(value)
        while magnitude >= 10, shift > -22 {
            magnitude /= 10
            shift -= 1
        }
        while magnitude < 1, shift < 22 {
            magnitude *= 10
            shift += 1
        }
        return scaled(value, shift)
    }

    static func significant(_ value: Float, _ digits: Int) -> Float {
        Float(significant(Double(value), digits))
    }

    /// `value` rounded to `places` decimals (6: the microsecond of a time in seconds).
    static func decimals(_ value: Double, _ places: Int) -> Double {
        guard value.isFinite else { return 0 }
        return scaled(value, places)
    }

    /// `value` rounded at the `shift`-th decimal (negative: left of the point).
    private static func scaled(_ value: Double, _ shift: Int) -> Double {
        guard (-22...22).contains(shift) else { return value }
        var power = 1.0
        for _ in 0..<abs(shift) { power *= 10 }
        if shift >= 0 {
            let product = value * power
            return abs(product) < 0x1p53 ? product.rounded() / power : value
        }
        return (value / power).rounded() * power
    }
}
