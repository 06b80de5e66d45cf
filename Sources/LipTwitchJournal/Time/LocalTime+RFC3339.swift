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
}
