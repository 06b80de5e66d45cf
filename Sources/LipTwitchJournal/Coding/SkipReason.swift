/// Why a reader left a line out. None of these stops reading: the line is counted, and the
/// first few are reported with their file and line number.
public enum SkipReason: Sendable, Hashable, CustomStringConvertible {
    /// Not a JSON object: garbage, or a line torn by a crash in the middle of a write.
    case unreadable
    /// Longer than a reader accepts (`JournalLineDecoder.maximumLineLength`).
    case tooLong
    /// A record type this version does not know (a newer minor version's); its class.
    case unknownClass(String)
    /// A major format version this version cannot read; the version as written.
    case unsupportedFormat(String)
    /// Valid JSON of a known type, but a required field is missing or has the wrong type.
    case invalid(RecordKind?, String)

    /// The group the skip is counted in.
    public var category: Category {
        switch self {
        case .unreadable, .tooLong: .unreadable
        case .unknownClass: .unknownType
        case .unsupportedFormat: .unsupportedFormat
        case .invalid: .invalid
        }
    }

    /// The groups of skipped lines, as a reader's summary counts them.
    public enum Category: String, Sendable, CaseIterable, Hashable {
        case unreadable = "unreadable"
        case unknownType = "of an unknown type"
        case unsupportedFormat = "of a newer format"
        case invalid = "invalid"
    }

    public var description: String {
        switch self {
        case .unreadable: "not a JSON object (garbage, or a line cut short by a crash)"
        case .tooLong: "longer than \(JournalLineDecoder.maximumLineLength) bytes"
        case .unknownClass(let name): "record type '\(name)' is not known to this version"
        case .unsupportedFormat(let version): "format \(version) is newer than this version reads"
        case .invalid(let kind, let detail): "\(kind.map { "\($0.rawValue) record: " } ?? "")\(detail)"
        }
    }
}
