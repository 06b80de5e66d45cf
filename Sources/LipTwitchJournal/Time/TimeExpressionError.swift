/// A time on the command line that cannot be used, phrased for the person who typed it.
public enum TimeExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a form `TimeExpression` knows.
    case unreadable(String)
    /// A local time the clocks jumped over (the hour lost to daylight saving time).
    case skippedByClock(CivilDateTime)

    public var description: String {
        switch self {
        case .unreadable(let text):
            "cannot read the time '\(text)'; write it like 14:05, \"yesterday 22:30\", 2026-11-20, "
                + "2026-11-20T14:05, or a span back from now like 2d, 12h or 30m"
        case .skippedByClock(let reading):
            "\(reading.date) \(CivilDate.digits(reading.hour, 2)):\(CivilDate.digits(reading.minute, 2)) "
                + "never happened here: the clocks jumped over it (daylight saving time); give a time outside the jump"
        }
    }
}
