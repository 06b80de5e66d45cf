/// Reads journal lines into records, tolerantly: unknown fields are ignored, and a line
/// that is not a record this version can read (garbage, a torn line, an unknown type, a
/// newer major version, a missing field) comes back as a `SkipReason`, never an error.
///
/// One decoder reads any number of lines, reusing its storage: keep it for a whole file.
public struct JournalLineDecoder: Sendable {
    /// Longer lines are skipped unread (`SkipReason.tooLong`). Real records are well under
    /// 64 KiB; this keeps a reader's memory bounded on a file of garbage.
    public static let maximumLineLength = 1 << 20

    private var tape = JSONTape()

    public init() {}

    /// Decodes one line (without its newline). Records whose kind is not in `kinds` are
    /// only recognized, not decoded: `.ignored`. `detail` says how much of each record to
    /// read.
    public mutating func decode(
        _ line: UnsafeRawBufferPointer, kinds: RecordKinds = .all, detail: RecordDetail = .full
    ) -> LineDecoding {
        guard line.count <= Self.maximumLineLength else { return .skipped(.tooLong) }
        guard tape.parse(line, detail: detail) else { return .skipped(.unreadable) }
        return decode(tokens: tape.tokens, numbers: tape.numbers, line: line, kinds: kinds)
    }

    private func decode(
        tokens: UnsafeBufferPointer<JSONTape.Token>, numbers: UnsafeBufferPointer<Double>, line: UnsafeRawBufferPointer,
        kinds: RecordKinds
    ) -> LineDecoding {
        guard var fields = JSONFields(tokens: tokens, numbers: numbers, bytes: line, object: 0) else {
            return .skipped(.unreadable)
        }
        var kind: RecordKind?
        do throws(FieldError) {
            let name = try fields.stringText("class")
            let formatText = try fields.plainString("format")
            guard let format = FormatVersion(ascii: formatText) else { throw .wrongType("format") }
            guard format.isReadable else {
                return .skipped(.unsupportedFormat(String(decoding: formatText, as: UTF8.self)))
            }
            let named = name.hasEscapes
                ? RecordKind(rawValue: JSONText.string(name.text, hasEscapes: true)) : RecordKind(name: name.text)
            guard let known = named else {
                return .skipped(.unknownClass(JSONText.string(name.text, hasEscapes: name.hasEscapes)))
            }
            kind = known
            if !kinds.contains(known) { return .ignored(known) }
            let id = try fields.uuid("id")
            let time = try fields.time("time")
            var sourceFields = try fields.object("source")
            let source = RecordSource(
                tool: try sourceFields.string("tool"), version: try sourceFields.string("version"))
            let session = try fields.optionalUUID("session")
            if known == .session, session == nil { throw .missing("session") }
            let bootID = try fields.optionalUUID("boot_id")
            let nanoseconds = try fields.optionalInteger("mono_ns")
            let clock = bootID.flatMap { bootID in
                nanoseconds.map { MonotonicStamp(bootID: bootID, nanoseconds: $0) }
            }
            let body = try RecordBody(kind: known, fields: &fields)
            return .record(
                JournalRecord(
                    id: id, format: format, time: time, source: source, session: session, clock: clock,
                    body: body))
        } catch {
            return .skipped(.invalid(kind, error.detail))
        }
    }

    /// Decodes a line given as a string.
    public mutating func decode(_ line: String, kinds: RecordKinds = .all, detail: RecordDetail = .full) -> LineDecoding {
        var line = line
        return line.withUTF8 { decode(UnsafeRawBufferPointer($0), kinds: kinds, detail: detail) }
    }
}
