/// One JSON object written as a single line, with its keys in the order they were added.
///
/// Every machine-readable output of LipTwitch (decoded frames, and later the journal and
/// the live stream) is JSON lines whose first key is `class`; `Dictionary`-based encoders
/// cannot promise that order, and this writer appends straight into one string, so a
/// line costs one allocation however many fields it has.
public struct JSONObject: Sendable {
    private var text: String
    private var isEmpty = true

    /// An object that starts with `"class": name`, the tag every LipTwitch record carries.
    public init(class name: String) {
        text = "{"
        text.reserveCapacity(128)
        add("class", name)
    }

    /// An object with no keys yet, for values nested inside another object.
    public init() {
        text = "{"
    }

    /// The finished object, without a trailing newline.
    public var serialized: String { text + "}" }

    private mutating func key(_ key: String) {
        if isEmpty { isEmpty = false } else { text.append(",") }
        JSONValue.appendString(key, to: &text)
        text.append(":")
    }

    public mutating func add(_ key: String, _ value: String) {
        self.key(key)
        JSONValue.appendString(value, to: &text)
    }

    public mutating func add(_ key: String, _ value: some BinaryInteger) {
        self.key(key)
        text.append(String(value))
    }

    /// Adds a number; a non-finite value, which JSON cannot hold, is written as `null`.
    public mutating func add(_ key: String, _ value: Double) {
        self.key(key)
        JSONValue.appendNumber(value, to: &text)
    }

    /// Adds a single-precision number in its shortest form (`0.1`, not `0.100000001`).
    public mutating func add(_ key: String, _ value: Float) {
        self.key(key)
        JSONValue.appendNumber(value, to: &text)
    }

    public mutating func add(_ key: String, _ value: Bool) {
        self.key(key)
        text.append(value ? "true" : "false")
    }

    public mutating func add(_ key: String, _ value: JSONObject) {
        self.key(key)
        text.append(value.serialized)
    }

    public mutating func add(_ key: String, _ values: [JSONObject]) {
        self.key(key)
        appendList(values) { $1.append($0.serialized) }
    }

    public mutating func add(_ key: String, _ values: [String]) {
        self.key(key)
        appendList(values) { JSONValue.appendString($0, to: &$1) }
    }

    public mutating func add(_ key: String, _ values: [some BinaryInteger]) {
        self.key(key)
        appendArray(values)
    }

    /// Adds an array of numbers; non-finite values are written as `null`.
    public mutating func add(_ key: String, _ values: [Double]) {
        self.key(key)
        appendList(values) { JSONValue.appendNumber($0, to: &$1) }
    }

    /// Adds an array of single-precision numbers, each in its shortest form.
    public mutating func add(_ key: String, _ values: [Float]) {
        self.key(key)
        appendList(values) { JSONValue.appendNumber($0, to: &$1) }
    }

    /// Adds an array of integer arrays, such as sample values per channel.
    public mutating func add<Row: Collection>(_ key: String, rows: some Collection<Row>)
    where Row.Element: BinaryInteger {
        self.key(key)
        text.append("[")
        for (rowIndex, row) in rows.enumerated() {
            if rowIndex > 0 { text.append(",") }
            appendArray(row)
        }
        text.append("]")
    }

    /// Appends `[a,b,...]`, each element written by `append`.
    private mutating func appendList<Element>(_ values: [Element], _ append: (Element, inout String) -> Void) {
        text.append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(",") }
            append(value, &text)
        }
        text.append("]")
    }

    private mutating func appendArray(_ values: some Sequence<some BinaryInteger>) {
        text.append("[")
        var first = true
        for value in values {
            if first { first = false } else { text.append(",") }
            text.append(String(value))
        }
        text.append("]")
    }
}
