import JSONLines

/// The daemon, a replay or the demo started or stopped recording. The record's `session`
/// id (`JournalRecord.session`, required for this kind) is carried by every record written
/// during the session; a start with no stop means the process died.
public struct SessionRecord: Sendable, Equatable {
    /// `start` or `stop`.
    public struct Event: OpenVocabulary {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let start = Event(rawValue: "start")
        public static let stop = Event(rawValue: "stop")
    }

    public var event: Event
    /// What kind of session: `daemon`, `replay`, `demo`.
    public var mode: String?
    /// Why it stopped: `signal`, `end of input`, an error.
    public var reason: String?

    public init(event: Event, mode: String? = nil, reason: String? = nil) {
        self.event = event
        self.mode = mode
        self.reason = reason
    }
}

extension SessionRecord: RecordPayload {
    static var kind: RecordKind { .session }

    func encode(into object: inout JSONObject) {
        object.add("event", event.rawValue)
        if let mode { object.add("mode", mode) }
        if let reason { object.add("reason", reason) }
    }

    init(fields: inout JSONFields) throws(FieldError) {
        event = Event(rawValue: try fields.string("event"))
        mode = try fields.optionalString("mode")
        reason = try fields.optionalString("reason")
    }
}
