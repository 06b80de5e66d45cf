/// A moment as a person types it on the command line, parsed without a clock: `now`,
/// `14:05`, `yesterday 22:30`, `today`, `2026-11-20`, `2026-11-20T14:05`,
/// `2026-11-20T14:05+01:00`, or a span back from now: `2d`, `12h`, `1h30m`, `90m ago`.
///
/// `resolve(now:offsetAt:)` pins it to an instant with the current time and the local
/// zone's offsets, which only the system layer knows.
public enum TimeExpression: Sendable, Equatable {
    case now
    /// This many milliseconds before now.
    case ago(milliseconds: Int64)
    /// A wall-clock reading on a day, in the local zone.
    case wallClock(Day, hour: Int, minute: Int, second: Int, millisecond: Int)
    /// A moment given with its UTC offset.
    case instant(LocalTime)

    /// Which day a wall-clock reading is on.
    public enum Day: Sendable, Equatable {
        case today
        case yesterday
        /// Today, or yesterday when that time is still ahead today (`--at 23:30` just after
        /// midnight means last night).
        case mostRecent
        case date(CivilDate)
    }

    /// How far ahead of now `mostRecent` still means today: a clock a few minutes fast
    /// should not move a note to yesterday.
    public static let aheadTolerance: Int64 = 10 * 60_000

    public init(parsing text: String) throws(TimeExpressionError) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard let parsed = Self.parse(words) else { throw .unreadable(text) }
        self = parsed
    }

    /// The instant, given the time now and the local zone's UTC offset (minutes) at any
    /// instant (milliseconds since the epoch). A wall-clock reading that the clocks skipped
    /// (the hour lost to daylight saving time) is an error; one they passed twice (the hour
    /// repeated in autumn) is the earlier of the two.
    public func resolve(now: LocalTime, offsetAt: (Int64) -> Int) throws(TimeExpressionError) -> LocalTime {
        switch self {
        case .now:
            return now
        case .ago(let milliseconds):
            let instant = now.epochMilliseconds - milliseconds
            return LocalTime(epochMilliseconds: instant, utcOffsetMinutes: offsetAt(instant))
        case .instant(let time):
            return time
        case .wallClock(let day, let hour, let minute, let second, let millisecond):
            let today = now.civil.date
            let date: CivilDate
            switch day {
            case .today, .mostRecent: date = today
            case .yesterday: date = today.adding(days: -1)
            case .date(let given): date = given
            }
            guard
                let reading = CivilDateTime(
                    date: date, hour: hour, minute: minute, second: second, millisecond: millisecond)
            else { throw .unreadable("\(hour):\(minute)") }
            let time = try Self.first(reading, offsetAt: offsetAt)
            if day == .mostRecent, time.epochMilliseconds > now.epochMilliseconds + Self.aheadTolerance,
                let yesterday = CivilDateTime(
                    date: today.adding(days: -1), hour: hour, minute: minute, second: second,
                    millisecond: millisecond)
            {
                return try Self.first(yesterday, offsetAt: offsetAt)
            }
            return time
        }
    }

    private static func first(_ reading: CivilDateTime, offsetAt: (Int64) -> Int) throws(TimeExpressionError)
        -> LocalTime
    {
        guard let first = reading.instants(offsetAt: offsetAt).first else { throw .skippedByClock(reading) }
        return first
    }

    private static func parse(_ words: [Substring]) -> TimeExpression? {
        switch words.count {
        case 1:
            let word = words[0]
            if word == "now" { return .now }
            if word == "today" { return .wallClock(.today, hour: 0, minute: 0, second: 0, millisecond: 0) }
            if word == "yesterday" { return .wallClock(.yesterday, hour: 0, minute: 0, second: 0, millisecond: 0) }
            if let span = span(word) { return .ago(milliseconds: span) }
            if let clock = clockReading(word) { return clock(.mostRecent) }
            return dateAndTime(word)
        case 2:
            if words[1] == "ago", let span = span(words[0]) { return .ago(milliseconds: span) }
            let day: Day? = words[0] == "today" ? .today : words[0] == "yesterday" ? .yesterday : nil
            guard let day else { return dateAndTime(Substring(words[0] + "t" + words[1])) }
            return clockReading(words[1]).map { $0(day) }
        default:
            return nil
        }
    }

    /// `2d`, `12h`, `1h30m`, `90min`, `45s`, `1w`: milliseconds.
    private static func span(_ word: Substring) -> Int64? {
        let units: [(String, Int64)] = [("min", 60_000), ("w", 604_800_000), ("d", 86_400_000), ("h", 3_600_000),
                                        ("m", 60_000), ("s", 1000)]
        var rest = word
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 6, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let (unit, size) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += amount * size
        }
        return word.isEmpty ? nil : total
    }

    /// `14:05` or `14:05:30`, waiting for its day.
    private static func clockReading(_ word: Substring) -> ((Day) -> TimeExpression)? {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBytes { buffer -> ((Day) -> TimeExpression)? in
            var reader = DigitReader(bytes: UnsafeRawBufferPointer(buffer))
            guard let (hour, minute, second) = reader.timeOfDay(), reader.atEnd else { return nil }
            return { .wallClock($0, hour: hour, minute: minute, second: second, millisecond: 0) }
        }
    }

    /// `2026-11-20`, `2026-11-20T14:05[:30[.250]]`, optionally with `Z` or `+01:00`.
    private static func dateAndTime(_ word: Substring) -> TimeExpression? {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBytes { buffer -> TimeExpression? in
            var reader = DigitReader(bytes: buffer)
            guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
                let dayOfMonth = reader.number(2), let date = CivilDate(year: year, month: month, day: dayOfMonth)
            else { return nil }
            if reader.atEnd { return .wallClock(.date(date), hour: 0, minute: 0, second: 0, millisecond: 0) }
            guard reader.skip("t"), let (hour, minute, second) = reader.timeOfDay() else { return nil }
            var millisecond = 0
            if reader.skip(".") {
                guard let fraction = reader.milliseconds() else { return nil }
                millisecond = fraction
            }
            if reader.atEnd {
                return .wallClock(.date(date), hour: hour, minute: minute, second: second, millisecond: millisecond)
            }
            guard let offset = reader.utcOffset(), reader.atEnd,
                let reading = CivilDateTime(
                    date: date, hour: hour, minute: minute, second: second, millisecond: millisecond)
            else { return nil }
            return .instant(LocalTime(civil: reading, utcOffsetMinutes: offset))
        }
    }
}
