/// One element of a JSON array (or the value of a member whose key is data), read as the
/// type the caller expects; a value of another type is a `FieldError` naming the array.
struct JSONElement {
    let key: StaticString
    let tokens: UnsafeBufferPointer<JSONTape.Token>
    let numbers: UnsafeBufferPointer<Double>
    let bytes: UnsafeRawBufferPointer
    let index: Int

    private var token: JSONTape.Token { tokens[index] }

    func integer() throws(FieldError) -> Int {
        guard token.kind == .number, let value = JSONText.integer(token, in: bytes) else {
            throw .wrongType(key.description)
        }
        return value
    }

    func number() throws(FieldError) -> Double {
        guard token.kind == .number, let value = JSONText.number(token, in: bytes) else {
            throw .wrongType(key.description)
        }
        return value
    }

    func string() throws(FieldError) -> String {
        guard token.kind == .string else { throw .wrongType(key.description) }
        return JSONText.string(JSONTape.text(of: token, in: bytes), hasEscapes: token.hasEscapes)
    }

    func object() throws(FieldError) -> JSONFields {
        guard let fields = JSONFields(tokens: tokens, numbers: numbers, bytes: bytes, object: index) else {
            throw .wrongType(key.description)
        }
        return fields
    }
}
