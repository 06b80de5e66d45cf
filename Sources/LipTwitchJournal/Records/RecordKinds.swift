/// A set of record kinds as bits, checked on every line without hashing: which kinds a
/// reader decodes and hands out.
public struct RecordKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public init(_ kind: RecordKind) {
        rawValue = 1 << UInt8(RecordKind.allCases.firstIndex(of: kind)!)
    }

    public static let header = RecordKinds(.header)
    public static let episode = RecordKinds(.episode)
    public static let note = RecordKinds(.note)
    public static let device = RecordKinds(.device)
    public static let gap = RecordKinds(.gap)
    public static let session = RecordKinds(.session)
    public static let retraction = RecordKinds(.retraction)
    public static let all: RecordKinds = [.header, .episode, .note, .device, .gap, .session, .retraction]

    public func contains(_ kind: RecordKind) -> Bool {
        contains(RecordKinds(kind))
    }
}
