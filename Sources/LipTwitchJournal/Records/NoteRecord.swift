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

        /// Reads `80mg`, `80 mg`, `7.5h`, `2`: a number of at least 0, then an optional unit
        /// of letters (`µ`, `%` and `/` allowed). Nil for anything else.
        public init?(parsing text: String) {
            let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            let unit = trimmed.dropFirst(number.count).drop { $0 == " " }
            guard !number.isEmpty, number.first != ".", number.last != ".", let value = Double(number),
                unit.count <= 16, unit.allSatisfy({ $0.isLetter || $0 == "%" || $0 == "/" })
            else { return nil }
            self.init(value: value, unit: unit.isEmpty ? nil : String(unit))
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
