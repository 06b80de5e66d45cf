#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONLines

/// One line of the journal: the fields every record has (what it is, its format version,
/// its id, when it was written and by what) and the fields of its kind.
///
/// ```
/// {"class":"note","format":"1.0","id":"…","time":"2026-11-21T14:07:12.031+01:00",
///  "source":{"tool":"liptwitch note","version":"0.1.0"},"boot_id":"…","mono_ns":81234567890,
///  "text":"third coffee","tags":["caffeine"],"at":"2026-11-21T14:05:00.000+01:00"}
/// ```
public struct JournalRecord: Sendable, Equatable {
    public var id: UUID
    /// The version the record was written in (`FormatVersion.current` for new records).
    public var format: FormatVersion
    /// When the record was written, local wall-clock time.
    public var time: LocalTime
    public var source: RecordSource
    /// The session (daemon run, replay, demo) it was written in, if any.
    public var session: UUID?
    /// The monotonic clock and boot when it was written, where known.
    public var clock: MonotonicStamp?
    public var body: RecordBody

    public init(
        id: UUID, format: FormatVersion = .current, time: LocalTime, source: RecordSource, session: UUID? = nil,
        clock: MonotonicStamp? = nil, body: RecordBody
    ) {
        self.id = id
        self.format = format
        self.time = time
        self.source = source
        self.session = session
        self.clock = clock
        self.body = body
    }

    public var kind: RecordKind { body.kind }

    /// When what the record describes happened: an episode's or a gap's start, the moment a
    /// note is about; for the other kinds, when it was written. Filters by time use this.
    public var eventTime: LocalTime {
        switch body {
        case .episode(let episode): episode.start
        case .gap(let gap): gap.start
        case .note(let note): note.at
        case .header, .device, .session, .retraction: time
        }
    }

    /// The record as one line of JSON, without the newline.
    public var jsonLine: String {
        var object = JSONObject(class: kind.rawValue)
        object.add("format", format.description)
        object.add("id", id.uuidString.lowercased())
        object.add("time", time.rfc3339)
        var sourceObject = JSONObject()
        sourceObject.add("tool", source.tool)
        sourceObject.add("version", source.version)
        object.add("source", sourceObject)
        if let session { object.add("session", session.uuidString.lowercased()) }
        if let clock {
            object.add("boot_id", clock.bootID.uuidString.lowercased())
            object.add("mono_ns", clock.nanoseconds)
        }
        body.payload.encode(into: &object)
        return object.serialized
    }
}
