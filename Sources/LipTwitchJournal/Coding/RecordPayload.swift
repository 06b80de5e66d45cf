import JSONLines

/// The part of a record that depends on its kind: how it is written after the common
/// fields, and read back from them.
protocol RecordPayload: Sendable, Equatable {
    static var kind: RecordKind { get }
    func encode(into object: inout JSONObject)
    init(fields: inout JSONFields) throws(FieldError)
}
