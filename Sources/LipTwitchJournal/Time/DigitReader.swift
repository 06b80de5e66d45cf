/// Reads fixed-width decimal fields from ASCII bytes.
struct DigitReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int? {
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - UInt8(ascii: "0"))
    }

    /// Exactly `width` digits.
    mutating func number(_ width: Int) -> Int? {
        var value = 0
        for _ in 0..<width {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `HH:MM` or `HH:MM:SS`, in range.
    mutating func timeOfDay() -> (hour: Int, minute: Int, second: Int)? {
        guard let hour = number(2), skip(":"), let minute = number(2), hour <= 23, minute <= 59 else { return nil }
        guard skip(":") else { return (hour, minute, 0) }
        guard let second = number(2), second <= 60 else { return nil }
        return (hour, minute, second)
    }

    /// `Z`, `z` or `+HH:MM` / `-HH:MM`, in minutes.
    mutating func utcOffset() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        guard let sign = next(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let hours = number(2),
            skip(":"), let minutes = number(2), hours <= 23, minutes <= 59
        else { return nil }
        return (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
    }

    /// After a `.`: one or more digits of a second, as milliseconds (digits beyond the
    /// third are dropped).
    mutating func milliseconds() -> Int? {
        var value = 0
        var digits = 0
        while let digit = digit() {
            if digits < 3 { value = value * 10 + digit }
            digits += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<max(digits, 3) { value *= 10 }
        return value
    }
}
