import JSONLines

/// A stretch with no data: the link stalled, frames were lost, an electrode was off, or
/// the journal itself could not be written and records were dropped. Reports use gaps to
/// tell "no twitches" from "not measured".
public struct GapRecord: Sendable, Equatable {
    /// Why there is no data.
    public struct Reason: OpenVocabulary {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The sensor stopped sending for longer than the stall timeout.
        public static let linkStall = Reason(rawValue: "link-stall")
        /// Frames were lost on the wire (sequence numbers jumped).
        public static let sequenceGap = Reason(rawValue: "sequence-gap")
        /// The sensor dropped samples for lack of buffer.
        public static let overrun = Reason(rawValue: "overrun")
        /// An electrode was off the skin.
        public static let leadOff = Reason(rawValue: "lead-off")
        /// The sensor was unplugged or went away.
        public static let disconnected = Reason(rawValue: "disconnected")
        /// The journal could not be written (disk full, read-only) and records were dropped.
        public static let journalUnwritable = Reason(rawValue: "journal-unwritable")
    }

    public var reason: Reason
    public var start: LocalTime
    public var end: LocalTime
    /// The sensor's serial, when the gap is one sensor's.
    public var sensor: String?
    /// The channel, when only one channel has the gap.
    public var channel: Int?
    /// Device time of the start and end, µs, when the device clock knows them.
    public var startDeviceMicros: Int?
    public var endDeviceMicros: Int?
    /// Samples per channel known to be missing.
    public var lostSamples: Int?
    /// Journal records dropped (reason `journal-unwritable`).
    public var lostRecords: Int?

    public init(
        reason: Reason, start: LocalTime, end: LocalTime, sensor: String? = nil, channel: Int? = nil,
        startDeviceMicros: Int? = nil, endDeviceMicros: Int? = nil, lostSamples: Int? = nil, lostRecords: Int? = nil
    ) {
        self.reason = reason
        self.start = start
        self.end = end
        self.sensor = sensor
        self.channel = channel
        self.startDeviceMicros = startDeviceMicros
        self.endDeviceMicros = endDeviceMicros
        self.lostSamples = lostSamples
        self.lostRecords = lostRecords
    }

    /// Seconds from start to end.
    public var durationSeconds: Double { end.seconds(since: start) }
}

extension GapRecord: RecordPayload {
    static var kind: RecordKind { .gap }

    func encode(into object: inout JSONObject) {
        object.add("reason", reason.rawValue)
        object.add("start", start.rfc3339)
        object.add("end", end.rfc3339)
        if let sensor { object.add("sensor", sensor) }
        if let channel { object.add("channel", channel) }
        if let startDeviceMicros { object.add("start_device_us", startDeviceMicros) }
        if let endDeviceMicros { object.add("end_device_us", endDeviceMicros) }
        if let lostSamples { object.add("lost_samples", lostSamples) }
        if let lostRecords { object.add("lost_records", lostRecords) }
    }

    init(fields: inout JSONFields) throws(FieldError) {
        reason = Reason(rawValue: try fields.string("reason"))
        start = try fields.time("start")
        end = try fields.time("end")
        sensor = try fields.optionalString("sensor")
        channel = try fields.optionalInteger("channel")
        startDeviceMicros = try fields.optionalInteger("start_device_us")
        endDeviceMicros = try fields.optionalInteger("end_device_us")
        lostSamples = try fields.optionalInteger("lost_samples")
        lostRecords = try fields.optionalInteger("lost_records")
    }
}
