/// The kind-specific part of a record.
public enum RecordBody: Sendable, Equatable {
    case header(HeaderRecord)
    case episode(EpisodeRecord)
    case note(NoteRecord)
    case device(DeviceRecord)
    case gap(GapRecord)
    case session(SessionRecord)
    case retraction(RetractionRecord)

    /// Read without going through `payload`, which would box (and copy) the payload.
    public var kind: RecordKind {
        switch self {
        case .header: .header
        case .episode: .episode
        case .note: .note
        case .device: .device
        case .gap: .gap
        case .session: .session
        case .retraction: .retraction
        }
    }

    /// The payload as its coding protocol, for writing.
    var payload: any RecordPayload {
        switch self {
        case .header(let payload): payload
        case .episode(let payload): payload
        case .note(let payload): payload
        case .device(let payload): payload
        case .gap(let payload): payload
        case .session(let payload): payload
        case .retraction(let payload): payload
        }
    }

    /// Reads the payload of a record of `kind`.
    init(kind: RecordKind, fields: inout JSONFields) throws(FieldError) {
        switch kind {
        case .header: self = .header(try HeaderRecord(fields: &fields))
        case .episode: self = .episode(try EpisodeRecord(fields: &fields))
        case .note: self = .note(try NoteRecord(fields: &fields))
        case .device: self = .device(try DeviceRecord(fields: &fields))
        case .gap: self = .gap(try GapRecord(fields: &fields))
        case .session: self = .session(try SessionRecord(fields: &fields))
        case .retraction: self = .retraction(try RetractionRecord(fields: &fields))
        }
    }
}
