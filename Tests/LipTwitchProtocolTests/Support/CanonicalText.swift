import LipTwitchProtocol

/// A message with a canonical text (vectors/README.md): its name, then `key=value` fields
/// in a fixed order, numbers in decimal, enumerations by code.
protocol CanonicalText: WireMessage {
    /// The canonical text of this message sent with `sequence`.
    func canonicalText(sequence: UInt16) -> String
    /// The message and sequence a canonical text describes.
    static func parse(canonicalText: String) throws(CanonicalTextError) -> (message: Self, sequence: UInt16)
}

/// Why a canonical text could not be read.
struct CanonicalTextError: Error, CustomStringConvertible {
    let description: String
}

/// Reads the fields of a canonical text one by one, in the order the README gives.
struct CanonicalFields {
    let name: String
    private var fields: ArraySlice<(key: Substring, value: Substring)>
    private let text: String

    init(_ text: String) throws(CanonicalTextError) {
        self.text = text
        var tokens = text.split(separator: " ", omittingEmptySubsequences: false)[...]
        name = String(tokens.removeFirst())
        var fields: [(key: Substring, value: Substring)] = []
        for token in tokens {
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw CanonicalTextError(description: "\"\(token)\" is not key=value in: \(text)") }
            fields.append((parts[0], parts[1]))
        }
        self.fields = fields[...]
    }

    /// The value of the next field, which must be `key`.
    mutating func text(_ key: String) throws(CanonicalTextError) -> Substring {
        guard let field = fields.popFirst() else { throw error("missing \(key)") }
        guard field.key == key else { throw error("expected \(key), found \(field.key)") }
        return field.value
    }

    /// The next field as an integer of type `T`.
    mutating func integer<T: FixedWidthInteger>(_ key: String, as type: T.Type = T.self) throws(CanonicalTextError) -> T {
        let value = try text(key)
        guard let number = T(value) else { throw error("\(key)=\(value) is not a \(T.self)") }
        return number
    }

    /// The next field as an enumeration case, by its code.
    mutating func code<T: RawRepresentable<UInt8>>(_ key: String, as type: T.Type = T.self) throws(CanonicalTextError) -> T {
        let code = try integer(key, as: UInt8.self)
        guard let value = T(rawValue: code) else { throw error("\(key)=\(code) is not a known \(T.self)") }
        return value
    }

    /// The next field as `count` integers joined by `separator`.
    mutating func integers<T: FixedWidthInteger>(_ key: String, separator: Character, count: Int? = nil)
        throws(CanonicalTextError) -> [T]
    {
        let value = try text(key)
        var numbers: [T] = []
        for part in value.split(separator: separator, omittingEmptySubsequences: false) {
            guard let number = T(part) else { throw error("\(key)=\(value) holds \"\(part)\", not a \(T.self)") }
            numbers.append(number)
        }
        if let count, numbers.count != count { throw error("\(key)=\(value) has not \(count) parts") }
        return numbers
    }

    /// Fails when fields are left over.
    func finish() throws(CanonicalTextError) {
        if let extra = fields.first { throw error("unexpected field \(extra.key)") }
    }

    func error(_ reason: String) -> CanonicalTextError {
        CanonicalTextError(description: "\(reason) in: \(text)")
    }

    /// Joins a name and its fields into canonical text.
    static func join(_ name: String, _ fields: [(key: String, value: String)]) -> String {
        ([name] + fields.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }
}
