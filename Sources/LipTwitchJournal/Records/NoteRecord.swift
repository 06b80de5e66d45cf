import JSONLines

/// Something the person wrote down (`liptwitch note`): what, tagged for the reports, how
/// much, and when it happened, which may be earlier than when it was written.
public struct NoteRecord: Sendable, Equatable {
    /// An amount with its unit: 80 mg of caffeine, 5.5 h of sleep, 2 glasses.
    public struct Amount: Sendable, Equatable {
        public var value: Double
        /// `mg`, `h`, `ml`; nil for a plain count.
        public var unit: String?

        public init(value: Double, unit: String?) {
            self.value = value
            self.unit = unit
        }
    }

    public var text: String
    /// Lower-case words from `NoteTag.vocabulary`, or the person's own.
    public var tags: [String]
    /// When what the note is about happened.
    public var at: LocalTime
    public var amount: Amount?

    public init(text: String, tags: [String] = [], at: LocalTime, amount: Amount? = nil) {
        self.text = text
        self.tags = tags
        self.at = at
        self.amount = amount
    }
}

extension NoteRecord: RecordPayload {
    static var kind: RecordKind { .note }

    func encode(into object: inout JSONObject) {
        object.add("text", text)
        object.add("tags", tags)
        object.add("at", at.rfc3339)
        if let amount {
            var value = JSONObject()
            value.add("value", amount.value)
            if let unit = amount.unit { value.add("unit", unit) }
            object.add("amount", value)
        }
    }

    init(fields: inout JSONFields) throws(FieldError) {
        text = try fields.string("text")
        tags = try fields.optionalArray("tags") { element throws(FieldError) in try element.string() } ?? []
        at = try fields.time("at")
        amount = try fields.optionalObject("amount").map { fields throws(FieldError) in
            var fields = fields
            return Amount(value: try fields.number("value"), unit: try fields.optionalString("unit"))
        }
    }
}
