/// What a record is, its `class`.
public enum RecordKind: String, Sendable, CaseIterable, Hashable {
    /// The first line of every file.
    case header
    /// Twitches (or a tremor) the detector found.
    case episode
    /// Something the person wrote down: coffee, a short night, a dentist visit.
    case note
    /// A sensor connected, disconnected, reported its status, or its link counters.
    case device
    /// A stretch without data.
    case gap
    /// The daemon (or a replay, or the demo) started or stopped.
    case session
    /// Withdraws an earlier record.
    case retraction

    /// The kind named by `bytes` (a class written without escapes), read without making a
    /// String; nil for any other name. The seven names differ in their first byte.
    init?(name bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return nil }
        let candidate: RecordKind? = switch first {
        case UInt8(ascii: "h"): .header
        case UInt8(ascii: "e"): .episode
        case UInt8(ascii: "n"): .note
        case UInt8(ascii: "d"): .device
        case UInt8(ascii: "g"): .gap
        case UInt8(ascii: "s"): .session
        case UInt8(ascii: "r"): .retraction
        default: nil
        }
        guard let candidate else { return nil }
        let name = candidate.name
        guard bytes.count == name.utf8CodeUnitCount,
            (1..<bytes.count).allSatisfy({ bytes[$0] == name.utf8Start[$0] })
        else { return nil }
        self = candidate
    }

    /// The raw value as static text, to compare bytes with.
    private var name: StaticString {
        switch self {
        case .header: "header"
        case .episode: "episode"
        case .note: "note"
        case .device: "device"
        case .gap: "gap"
        case .session: "session"
        case .retraction: "retraction"
        }
    }
}
