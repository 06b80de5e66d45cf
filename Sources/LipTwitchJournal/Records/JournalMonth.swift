/// One month of the journal, and so one file: `2026-11.jsonl`. Records go to the month of
/// their local time.
public struct JournalMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month of `time` on its local calendar.
    public init(of time: LocalTime) {
        let date = time.civil.date
        year = date.year
        month = date.month
    }

    /// Reads `2026-11.jsonl`; nil for any other name.
    public init?(fileName: String) {
        guard fileName.utf8.count == 13, fileName.hasSuffix(".jsonl"),
            let month = JournalMonth(String(fileName.prefix(7)))
        else { return nil }
        self = month
    }

    /// Reads `2026-11`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `2026-11.jsonl`.
    public var fileName: String { "\(self).jsonl" }

    /// `2026-11`.
    public var description: String { "\(CivilDate.digits(year, 4))-\(CivilDate.digits(month, 2))" }

    /// The first day of the month.
    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1)! }

    public static func < (lhs: JournalMonth, rhs: JournalMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
