/// A set of record kinds as bits, checked on every line without hashing: which kinds a
/// reader decodes and hands out.
public struct RecordKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public init(_ kind: RecordKind) {
        // The kind's place in `RecordKind.allCases`, without making that array on every line.
        let index: UInt8 = switch kind {
        case .header: 0
        case .episode: 1
        case .note: 2
        case .device: 3
        case .gap: 4
        case .session: 5
        case .retraction: 6
        }
        rawValue = 1 << index
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
