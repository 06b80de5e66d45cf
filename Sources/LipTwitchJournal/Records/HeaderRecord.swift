import JSONLines

/// The first line of every journal file: it says what the file is, and which month it
/// holds, so a file that lost its name is still recognized.
public struct HeaderRecord: Sendable, Equatable {
    /// Always `liptwitch`: what kind of journal this is.
    public var journal: String
    public var month: JournalMonth

    public init(month: JournalMonth) {
        journal = "liptwitch"
        self.month = month
    }
}

extension HeaderRecord: RecordPayload {
    static var kind: RecordKind { .header }

    func encode(into object: inout JSONObject) {
        object.add("journal", journal)
        object.add("month", month.description)
        object.add("spec", "docs/JOURNAL.md")
    }

    init(fields: inout JSONFields) throws(FieldError) {
        journal = try fields.string("journal")
        guard let month = JournalMonth(try fields.string("month")) else { throw .wrongType("month") }
        self.month = month
    }
}
