#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONLines

/// Withdraws an earlier record, which stays in the file (records are never edited in
/// place); readers that resolve retractions leave both out.
public struct RetractionRecord: Sendable, Equatable {
    /// The `id` of the withdrawn record.
    public var retracts: UUID
    /// Why, in the person's words or the tool's: "wrong time", "duplicate".
    public var reason: String

    public init(retracts: UUID, reason: String) {
        self.retracts = retracts
        self.reason = reason
    }
}

extension RetractionRecord: RecordPayload {
    static var kind: RecordKind { .retraction }

    func encode(into object: inout JSONObject) {
        object.add("retracts", retracts.uuidString.lowercased())
        object.add("reason", reason)
    }

    init(fields: inout JSONFields) throws(FieldError) {
        retracts = try fields.uuid("retracts")
        reason = try fields.string("reason")
    }
}
