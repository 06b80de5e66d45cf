/// Why the payload of an intact frame cannot be read as its type (PROTOCOL.md section 2.4,
/// step 8): it is shorter than the type requires, or a field is outside its valid range.
public struct PayloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message type of the frame.
    public let typeCode: UInt8
    /// What is wrong, for people, e.g. "channel_count 9 is outside 1...8".
    public let reason: String

    public init(typeCode: UInt8, reason: String) {
        self.typeCode = typeCode
        self.reason = reason
    }

    public var description: String {
        let name = MessageType(rawValue: typeCode)?.name ?? "type \(typeCode)"
        return "malformed \(name): \(reason)"
    }
}
