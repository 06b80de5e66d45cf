import JSONLines
import LipTwitchLink
import LipTwitchProtocol

extension PipelineRecord {
    /// The record's `class` in JSON lines: `link`, `stream`, `gap`, `level`, `status`,
    /// `marker`, `onset`, `candidate`, `episode`, `counters`, `calibration`, `samples` (docs/CAPTURE.md
    /// and docs/LIVE.md list their fields).
    public var className: String {
        switch self {
        case .link: "link"
        case .streamStarted, .streamEnded: "stream"
        case .gap: "gap"
        case .level: "level"
        case .status: "status"
        case .marker: "marker"
        case .onset: "onset"
        case .candidate: "candidate"
        case .episode: "episode"
        case .counters: "counters"
        case .calibration: "calibration"
        case .samples: "samples"
        }
    }

    /// The record as one JSON object: `class`, then `t` (seconds since the anchor, to the
    /// microsecond) and `time` (local wall time, RFC 3339) where the record has a time,
    /// then its fields. Nothing in it depends on when it is written, only on the input and
    /// the anchor.
    public func json(anchor: WallClockAnchor) -> JSONObject {
        var object = JSONObject(class: className)
        if let time { Self.addTime(time, anchor: anchor, prefix: "", to: &object) }
        switch self {
        case .link(let event, _):
            object.add("event", event.name)
            object.add("phase", event.phase.rawValue)
            LinkReport.addDetails(of: event, to: &object)
            object.add("message", event.sentence)
        case .streamStarted(let start):
            object.add("event", "started")
            object.add("stream", start.number)
            Self.addIdentity(start.identity, to: &object)
            object.add("device_us", start.deviceMicros)
            if let problem = start.detectorProblem { object.add("detector_off", problem) }
        case .streamEnded(let end):
            object.add("event", "ended")
            object.add("stream", end.number)
            object.add("reason", end.reason.rawValue)
            object.add("samples", end.samples)
            if let last = end.lastSampleEnd { Self.addTime(last, anchor: anchor, prefix: "last_sample_", to: &object) }
        case .gap(let gap):
            object.add("reason", gap.reason.rawValue)
            Self.addTime(gap.end, anchor: anchor, prefix: "end_", to: &object)
            object.add("duration_s", Self.rounded(gap.duration.seconds))
            if let lost = gap.lostSamples { object.add("lost_samples", lost) }
            if let start = gap.startDeviceMicros { object.add("start_device_us", start) }
            if let end = gap.endDeviceMicros { object.add("end_device_us", end) }
        case .level(let level):
            object.add("unit", level.unit)
            object.add("rms", level.rms)
        case .status(let status, _):
            if let battery = status.batteryPercent { object.add("battery_percent", battery) }
            object.add("charging", status.power.contains(.charging))
            object.add("external_power", status.power.contains(.externalPower))
            object.add("lead_off", Self.channels(in: status.leadOffMask))
            object.add("saturated", Self.channels(in: status.saturationMask))
            object.add("overruns", status.overrunCount)
        case .marker(let marker, _):
            object.add("kind", marker.kind.label)
            object.add("sample_index", marker.sampleIndex)
            object.add("device_us", marker.timestampMicros)
        case .onset(let onset):
            object.add("kind", onset.onset.kind.rawValue)
            object.add("sensor", onset.sensor)
            object.add("channel", onset.channel)
            object.add("placement", onset.placement)
            Self.addTime(onset.confirmedAt, anchor: anchor, prefix: "confirmed_", to: &object)
            if let twitch = onset.onset.twitch {
                object.add("duration_s", Self.rounded(Double(twitch.durationSamples) / onset.sampleRateHz))
                object.add("peak", EpisodeJSON.rounded(twitch.peak))
                object.add("rms", EpisodeJSON.rounded(twitch.rms))
                object.add("confidence", (twitch.confidence * 100).rounded() / 100)
            }
        case .candidate(let placed):
            object.add("event", placed.dismissal == nil ? "announced" : "dismissed")
            if let dismissal = placed.dismissal { object.add("reason", dismissal.rawValue) }
            object.add("sensor", placed.sensor)
            object.add("channel", placed.channel)
            object.add("placement", placed.placement)
            Self.addTime(placed.end, anchor: anchor, prefix: "end_", to: &object)
            Self.addTime(placed.knownAt, anchor: anchor, prefix: "known_", to: &object)
            object.add("rms", EpisodeJSON.rounded(placed.candidate.rms))
        case .episode(let placed):
            Self.addEpisode(placed, anchor: anchor, to: &object)
        case .counters(let counters, _):
            Self.addCounters(counters, to: &object)
        case .calibration(let calibration):
            calibration.addFields(to: &object)
        case .samples(let samples):
            object.add("stream", samples.stream)
            object.add("first_index", samples.firstIndex)
            object.add("frames", samples.frameCount)
            if case .missing = samples.content { object.add("missing", true) }
        }
        return object
    }

    private static func addEpisode(_ placed: PipelineEpisode, anchor: WallClockAnchor, to object: inout JSONObject) {
        let episode = placed.episode
        object.add("kind", episode.kind.rawValue)
        object.add("sensor", placed.sensor)
        object.add("channel", placed.channel)
        object.add("placement", episode.placement)
        addTime(placed.end, anchor: anchor, prefix: "end_", to: &object)
        object.add("duration_s", rounded((placed.end - placed.start).seconds))
        object.add("start_device_us", placed.startDeviceMicros)
        object.add("end_device_us", placed.endDeviceMicros)
        EpisodeJSON.addMeasures(
            of: episode, offset: { rounded(placed.offset(ofSample: $0)) },
            seconds: { rounded(Double($0) / placed.sampleRateHz) }, to: &object)
    }

    /// `t` and `time` of `time`, named with `prefix` (`end_t`, `end_time`).
    private static func addTime(_ time: HostTime, anchor: WallClockAnchor, prefix: String, to object: inout JSONObject) {
        object.add(prefix + "t", rounded(anchor.seconds(at: time)))
        object.add(prefix + "time", anchor.localTime(at: time).rfc3339)
    }

    /// To the microsecond.
    private static func rounded(_ seconds: Double) -> Double {
        (seconds * 1e6).rounded() / 1e6
    }

    private static func addIdentity(_ identity: DeviceIdentity, to object: inout JSONObject) {
        object.add("serial", identity.serialNumber)
        object.add("kind", identity.sensorKind.label)
        object.add("rate_hz", identity.sampleRateHz)
        object.add("format", identity.sampleFormat.label)
        object.add("firmware", identity.firmware.description)
        object.add("protocol", "\(identity.protocolMajor).\(identity.protocolMinor)")
        object.add(
            "channels",
            identity.channels.map { channel in
                var channelObject = JSONObject()
                channelObject.add("placement", channel.placement.label)
                channelObject.add("axis", channel.axis.label)
                channelObject.add("scale", channel.scale)
                return channelObject
            })
    }

    /// The channel numbers whose bit is set.
    static func channels(in mask: UInt8) -> [Int] {
        (0..<8).filter { mask & (1 << $0) != 0 }
    }

    private static func addCounters(_ counters: PipelineCounters, to object: inout JSONObject) {
        for (name, value) in counterFields(counters) { object.add(name, value) }
    }

    /// Every count, named as in JSON and the journal.
    static func counterFields(_ counters: PipelineCounters) -> [(name: String, value: Int)] {
        let decoder = counters.decoder
        return [
            ("reads", counters.reads), ("hang_ups", counters.hangUps), ("streams", counters.streams),
            ("batches", counters.batches), ("samples", Int(counters.samples)), ("stale_batches", counters.staleBatches),
            ("gaps", counters.gaps), ("missing_samples", Int(counters.missingSamples)), ("markers", counters.markers),
            ("bytes", decoder.bytesReceived), ("bytes_discarded", decoder.bytesDiscarded),
            ("frames", decoder.framesDecoded), ("crc_failures", decoder.crcFailures),
            ("invalid_encodings", decoder.invalidEncodings), ("runts", decoder.runts),
            ("oversize_frames", decoder.oversizeFrames), ("unsupported_versions", decoder.unsupportedVersions),
            ("unknown_message_types", decoder.unknownMessageTypes), ("malformed_payloads", decoder.malformedPayloads),
            ("resyncs", decoder.resyncs), ("sequence_gaps", decoder.sequenceGaps), ("lost_frames", decoder.lostFrames),
            ("sequence_resets", decoder.sequenceResets),
        ]
    }
}
