extension LocalTime {
    /// `2026-11-21T14:05:03.250+01:00`: always milliseconds, always a numeric offset (UTC is
    /// `+00:00`: a local clock that reads UTC, as in London in winter).
    public var rfc3339: String {
        var text = ""
        text.reserveCapacity(29)
        let local = civil
        func append(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(rest / divisor)))
                rest %= divisor
                divisor /= 10
            }
        }
        append(local.date.year, width: 4)
        text.append("-")
        append(local.date.month, width: 2)
        text.append("-")
        append(local.date.day, width: 2)
        text.append("T")
        append(local.hour, width: 2)
        text.append(":")
        append(local.minute, width: 2)
        text.append(":")
        append(local.second, width: 2)
        text.append(".")
        append(local.millisecond, width: 3)
        text.append(utcOffsetMinutes < 0 ? "-" : "+")
        append(abs(utcOffsetMinutes) / 60, width: 2)
        text.append(":")
        append(abs(utcOffsetMinutes) % 60, width: 2)
        return text
    }

    /// Reads RFC 3339 (`2026-11-21T14:05:03.250+01:00`, `...T13:05:03Z`): `T`, `t` or a
    /// space between date and time, any number of fractional digits (kept to the
    /// millisecond, the rest dropped), `Z` for UTC. Nil for anything else.
    public init?(rfc3339 text: String) {
        var text = text
        guard let time = text.withUTF8({ LocalTime(rfc3339: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = time
    }

    /// Reads RFC 3339 from UTF-8 bytes; see `init?(rfc3339: String)`.
    public init?(rfc3339 bytes: UnsafeRawBufferPointer) {
        if let time = Self.canonical(bytes) {
            self = time
            return
        }
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
            let day = reader.number(2), let separator = reader.next(), separator == UInt8(ascii: "T")
                || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
            let hour = reader.number(2), reader.skip(":"), let minute = reader.number(2), reader.skip(":"),
            let second = reader.number(2)
        else { return nil }
        var millisecond = 0
        if reader.skip(".") {
            guard let fraction = reader.milliseconds() else { return nil }
            millisecond = fraction
        }
        guard let offset = reader.utcOffset() else { return nil }
        guard reader.atEnd, let date = CivilDate(year: year, month: month, day: day),
            let civil = CivilDateTime(
                date: date, hour: hour, minute: minute, second: second, millisecond: millisecond)
        else { return nil }
        self.init(civil: civil, utcOffsetMinutes: offset)
    }

    /// The form the journal writes, `2026-11-21T14:05:03.250+01:00`, read at fixed
    /// positions in one pass; nil for anything else (the general reader takes it).
    private static func canonical(_ bytes: UnsafeRawBufferPointer) -> LocalTime? {
        guard bytes.count == 29, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "+") || bytes[23] == UInt8(ascii: "-"),
            bytes[26] == UInt8(ascii: ":")
        else { return nil }
        var valid = true
        func number(_ start: Int, _ count: Int) -> Int {
            var value = 0
            for index in start..<start + count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                valid = valid && digit < 10
                value = value &* 10 &+ Int(digit)
            }
            return value
        }
        let year = number(0, 4), month = number(5, 2), day = number(8, 2)
        let hour = number(11, 2), minute = number(14, 2), second = number(17, 2), millisecond = number(20, 3)
        let offsetHours = number(24, 2), offsetMinutes = number(27, 2)
        guard valid, offsetHours <= 23, offsetMinutes <= 59, let date = CivilDate(year: year, month: month, day: day),
            let civil = CivilDateTime(date: date, hour: hour, minute: minute, second: second, millisecond: millisecond)
        else { return nil }
        let offset = (offsetHours * 60 + offsetMinutes) * (bytes[23] == UInt8(ascii: "-") ? -1 : 1)
        return LocalTime(civil: civil, utcOffsetMinutes: offset)
    }
}
