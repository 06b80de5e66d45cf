import JSONLines

/// What happened to a sensor: it connected (with what it is), disconnected (and why),
/// reported its status, or the link's counters at a moment. Fields that do not belong to
/// the event are nil.
public struct DeviceRecord: Sendable, Equatable {
    /// `connected`, `disconnected`, `status` or `counters`.
    public struct Event: OpenVocabulary {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let connected = Event(rawValue: "connected")
        public static let disconnected = Event(rawValue: "disconnected")
        public static let status = Event(rawValue: "status")
        public static let counters = Event(rawValue: "counters")
    }

    /// One channel of a connected sensor.
    public struct Channel: Sendable, Equatable {
        public var index: Int
        /// PROTOCOL.md section 6.1 label.
        public var placement: String
        /// `uV` or `g`.
        public var unit: String

        public init(index: Int, placement: String, unit: String) {
            self.index = index
            self.placement = placement
            self.unit = unit
        }
    }

    /// One named counter, such as `crc_failures`.
    public struct Counter: Sendable, Equatable {
        public var name: String
        public var value: Int

        public init(name: String, value: Int) {
            self.name = name
            self.value = value
        }
    }

    /// The sensor's serial number.
    public var sensor: String
    public var event: Event
    /// The device node: `/dev/ttyACM0` (connected).
    public var path: String?
    /// `emg` or `accelerometer` (connected).
    public var sensorKind: String?
    public var sampleRateHz: Int?
    /// `1.2.3` (connected).
    public var firmware: String?
    public var channels: [Channel]?
    /// Why it went away (disconnected): `unplugged`, `stalled`, `stopped`.
    public var reason: String?
    /// 0 to 100 (status); nil when the sensor has no battery.
    public var batteryPercent: Int?
    /// Channels with an electrode off the skin (status).
    public var leadOff: [Int]?
    /// Channels that saturated since the last status (status).
    public var saturated: [Int]?
    /// Samples the sensor dropped for lack of buffer, cumulative (status).
    public var overruns: Int?
    /// Link counters (counters): bytes, frames, CRC failures, resyncs, lost frames...
    public var counters: [Counter]?

    public init(
        sensor: String, event: Event, path: String? = nil, sensorKind: String? = nil, sampleRateHz: Int? = nil,
        firmware: String? = nil, channels: [Channel]? = nil, reason: String? = nil, batteryPercent: Int? = nil,
        leadOff: [Int]? = nil, saturated: [Int]? = nil, overruns: Int? = nil, counters: [Counter]? = nil
    ) {
        self.sensor = sensor
        self.event = event
        self.path = path
        self.sensorKind = sensorKind
        self.sampleRateHz = sampleRateHz
        self.firmware = firmware
        self.channels = channels
        self.reason = reason
        self.batteryPercent = batteryPercent
        self.leadOff = leadOff
        self.saturated = saturated
        self.overruns = overruns
        self.counters = counters
    }
}

extension DeviceRecord: RecordPayload {
    static var kind: RecordKind { .device }

    func encode(into object: inout JSONObject) {
        object.add("sensor", sensor)
        object.add("event", event.rawValue)
        if let path { object.add("path", path) }
        if let sensorKind { object.add("sensor_kind", sensorKind) }
        if let sampleRateHz { object.add("sample_rate_hz", sampleRateHz) }
        if let firmware { object.add("firmware", firmware) }
        if let channels {
            object.add("channels", channels.map { channel in
                var channelObject = JSONObject()
                channelObject.add("index", channel.index)
                channelObject.add("placement", channel.placement)
                channelObject.add("unit", channel.unit)
                return channelObject
            })
        }
        if let reason { object.add("reason", reason) }
        if let batteryPercent { object.add("battery_percent", batteryPercent) }
        if let leadOff { object.add("lead_off", leadOff) }
        if let saturated { object.add("saturated", saturated) }
        if let overruns { object.add("overruns", overruns) }
        if let counters {
            var countersObject = JSONObject()
            for counter in counters { countersObject.add(counter.name, counter.value) }
            object.add("counters", countersObject)
        }
    }

    init(fields: inout JSONFields) throws(FieldError) {
        sensor = try fields.string("sensor")
        event = Event(rawValue: try fields.string("event"))
        path = try fields.optionalString("path")
        sensorKind = try fields.optionalString("sensor_kind")
        sampleRateHz = try fields.optionalInteger("sample_rate_hz")
        firmware = try fields.optionalString("firmware")
        channels = try fields.optionalArray("channels") { element throws(FieldError) in
            var channel = try element.object()
            return Channel(
                index: try channel.integer("index"), placement: try channel.string("placement"),
                unit: try channel.string("unit"))
        }
        reason = try fields.optionalString("reason")
        batteryPercent = try fields.optionalInteger("battery_percent")
        leadOff = try fields.optionalIntegers("lead_off")
        saturated = try fields.optionalIntegers("saturated")
        overruns = try fields.optionalInteger("overruns")
        counters = try fields.optionalObject("counters")?.members("counters") { name, element throws(FieldError) in
            Counter(name: name, value: try element.integer())
        }
    }
}
