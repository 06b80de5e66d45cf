import JSONLines

/// Twitches less than the detector's episode gap apart, or one stretch of tremor, as the
/// detector closed it (issue 3): when, where on the face, how strong, how sure.
public struct EpisodeRecord: Sendable, Equatable {
    /// `twitch` (fasciculation) or `tremor` (a rhythmic train at about 3 to 8 Hz).
    public struct Kind: OpenVocabulary {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let twitch = Kind(rawValue: "twitch")
        public static let tremor = Kind(rawValue: "tremor")
    }

    /// One twitch of the episode.
    public struct Twitch: Sendable, Equatable {
        /// Seconds from the episode's start to the twitch's onset.
        public var onsetSeconds: Double
        public var durationSeconds: Double

        /// Times are kept to the microsecond.
        public init(onsetSeconds: Double, durationSeconds: Double) {
            self.onsetSeconds = Precision.decimals(onsetSeconds, 6)
            self.durationSeconds = Precision.decimals(durationSeconds, 6)
        }
    }

    /// The largest cluster of the episode: a run of twitches within seconds of one
    /// another (format 1.1).
    public struct Cluster: Sendable, Equatable {
        public var twitchCount: Int
        /// Seconds from the episode's start to the cluster's first onset.
        public var onsetSeconds: Double
        /// From its first twitch's onset to its last one's end, seconds.
        public var durationSeconds: Double

        /// Times are kept to the microsecond.
        public init(twitchCount: Int, onsetSeconds: Double, durationSeconds: Double) {
            self.twitchCount = twitchCount
            self.onsetSeconds = Precision.decimals(onsetSeconds, 6)
            self.durationSeconds = Precision.decimals(durationSeconds, 6)
        }
    }

    /// Which detector found it, and with which settings: episodes found with different
    /// settings are not comparable one to one.
    public struct Detector: Sendable, Equatable {
        public var version: String
        /// A hash of the detector's configuration (algorithm prefix, then hex).
        public var configHash: String

        public init(version: String, configHash: String) {
            self.version = version
            self.configHash = configHash
        }
    }

    public var kind: Kind
    /// The sensor's serial number; nil for an analysed file.
    public var sensor: String?
    /// The channel index on the sensor (or column in the file), from 0.
    public var channel: Int
    /// PROTOCOL.md section 6.1 label: `upper-left`, `left-cheek`, `unspecified`...
    public var placement: String
    public var start: LocalTime
    public var end: LocalTime
    /// Device time of the start and end, µs since the device started (unwrapped).
    public var startDeviceMicros: Int?
    public var endDeviceMicros: Int?
    public var durationSeconds: Double
    /// How many twitches; `twitches` may list fewer (the detector caps the list).
    public var twitchCount: Int
    /// Twitch episodes since format 1.1: how many clusters (runs of two or more twitches
    /// within the detector's cluster gap) it holds, and the largest. Nil when not said (a
    /// tremor, a record written before 1.1).
    public var clusters: Int?
    public var largestCluster: Cluster?
    /// Peak and RMS amplitude of the filtered signal, in `unit`.
    public var peak: Double
    public var rms: Double
    /// `uV` (microvolts, EMG) or `g` (accelerometer).
    public var unit: String
    public var dominantFrequencyHz: Double
    /// 0 to 1.
    public var confidence: Double
    /// The recording ended (or the daemon stopped) before the episode could close.
    public var truncated: Bool
    /// Seconds from the start of the analysed file; nil for a live sensor.
    public var offsetSeconds: Double?
    /// The analysed file's name; nil for a live sensor.
    public var recording: String?
    public var detector: Detector
    public var twitches: [Twitch]
    /// The signal envelope for plotting, in `unit`, one value every `envelopeStepSeconds`
    /// from `start`.
    public var envelopeStepSeconds: Double
    public var envelope: [Float]

    /// Measured values are kept at the precision they mean (docs/JOURNAL.md, "Numbers"):
    /// times in seconds to the microsecond, amplitudes, frequency and the envelope to 4
    /// significant digits, confidence to 3 decimals.
    public init(
        kind: Kind, sensor: String?, channel: Int, placement: String, start: LocalTime, end: LocalTime,
        startDeviceMicros: Int? = nil, endDeviceMicros: Int? = nil, durationSeconds: Double, twitchCount: Int,
        peak: Double, rms: Double, unit: String, dominantFrequencyHz: Double, confidence: Double,
        truncated: Bool = false, offsetSeconds: Double? = nil, recording: String? = nil, detector: Detector,
        twitches: [Twitch], clusters: Int? = nil, largestCluster: Cluster? = nil, envelopeStepSeconds: Double,
        envelope: [Float]
    ) {
        self.kind = kind
        self.sensor = sensor
        self.channel = channel
        self.placement = placement
        self.start = start
        self.end = end
        self.startDeviceMicros = startDeviceMicros
        self.endDeviceMicros = endDeviceMicros
        self.durationSeconds = Precision.decimals(durationSeconds, 6)
        self.twitchCount = twitchCount
        self.clusters = clusters
        self.largestCluster = largestCluster
        self.peak = Precision.significant(peak, 4)
        self.rms = Precision.significant(rms, 4)
        self.unit = unit
        self.dominantFrequencyHz = Precision.significant(dominantFrequencyHz, 4)
        self.confidence = Precision.decimals(confidence, 3)
        self.truncated = truncated
        self.offsetSeconds = offsetSeconds.map { Precision.decimals($0, 6) }
        self.recording = recording
        self.detector = detector
        self.twitches = twitches
        self.envelopeStepSeconds = Precision.decimals(envelopeStepSeconds, 6)
        self.envelope = envelope.map { Precision.significant($0, 4) }
    }
}

extension EpisodeRecord: RecordPayload {
    static var kind: RecordKind { .episode }

    func encode(into object: inout JSONObject) {
        object.add("kind", kind.rawValue)
        if let sensor { object.add("sensor", sensor) }
        object.add("channel", channel)
        object.add("placement", placement)
        object.add("start", start.rfc3339)
        object.add("end", end.rfc3339)
        if let startDeviceMicros { object.add("start_device_us", startDeviceMicros) }
        if let endDeviceMicros { object.add("end_device_us", endDeviceMicros) }
        object.add("duration_s", durationSeconds)
        object.add("twitch_count", twitchCount)
        object.add("peak", peak)
        object.add("rms", rms)
        object.add("unit", unit)
        object.add("dominant_hz", dominantFrequencyHz)
        object.add("confidence", confidence)
        object.add("truncated", truncated)
        if let offsetSeconds { object.add("offset_s", offsetSeconds) }
        if let recording { object.add("recording", recording) }
        var detectorObject = JSONObject()
        detectorObject.add("version", detector.version)
        detectorObject.add("config_hash", detector.configHash)
        object.add("detector", detectorObject)
        object.add("twitches", twitches.map { twitch in
            var twitchObject = JSONObject()
            twitchObject.add("onset_s", twitch.onsetSeconds)
            twitchObject.add("duration_s", twitch.durationSeconds)
            return twitchObject
        })
        if let clusters { object.add("clusters", clusters) }
        if let largestCluster {
            var clusterObject = JSONObject()
            clusterObject.add("twitch_count", largestCluster.twitchCount)
            clusterObject.add("onset_s", largestCluster.onsetSeconds)
            clusterObject.add("duration_s", largestCluster.durationSeconds)
            object.add("largest_cluster", clusterObject)
        }
        object.add("envelope_step_s", envelopeStepSeconds)
        object.add("envelope", envelope)
    }

    init(fields: inout JSONFields) throws(FieldError) {
        kind = Kind(rawValue: try fields.string("kind"))
        sensor = try fields.optionalString("sensor")
        channel = try fields.integer("channel")
        placement = try fields.string("placement")
        start = try fields.time("start")
        end = try fields.time("end")
        startDeviceMicros = try fields.optionalInteger("start_device_us")
        endDeviceMicros = try fields.optionalInteger("end_device_us")
        durationSeconds = try fields.number("duration_s")
        twitchCount = try fields.integer("twitch_count")
        peak = try fields.number("peak")
        rms = try fields.number("rms")
        unit = try fields.string("unit")
        dominantFrequencyHz = try fields.number("dominant_hz")
        confidence = try fields.number("confidence")
        truncated = try fields.optionalBool("truncated") ?? false
        offsetSeconds = try fields.optionalNumber("offset_s")
        recording = try fields.optionalString("recording")
        var detectorFields = try fields.object("detector")
        detector = Detector(
            version: try detectorFields.string("version"), configHash: try detectorFields.string("config_hash"))
        twitches = try fields.optionalArray("twitches") { element throws(FieldError) in
            var twitch = try element.object()
            return Twitch(onsetSeconds: try twitch.number("onset_s"), durationSeconds: try twitch.number("duration_s"))
        } ?? []
        clusters = try fields.optionalInteger("clusters")
        if var cluster = try fields.optionalObject("largest_cluster") {
            largestCluster = Cluster(
                twitchCount: try cluster.integer("twitch_count"), onsetSeconds: try cluster.number("onset_s"),
                durationSeconds: try cluster.number("duration_s"))
        } else {
            largestCluster = nil
        }
        envelopeStepSeconds = try fields.optionalNumber("envelope_step_s") ?? 0
        envelope = try fields.optionalFloats("envelope") ?? []
    }
}
