import JSONLines
import LipTwitchProtocol

/// The JSON-lines spelling of everything the stream decoder reports; `class` says which.
///
/// Field names follow PROTOCOL.md; enumerations are written by their labels, and
/// `end_offset` is the position in the input just past the event's frame.
enum ProtocolEventJSON {
    /// The `class` of the line `event` becomes.
    static func className(of event: DecoderEvent<DeviceMessage>) -> String {
        switch event {
        case .message(let message, _): message.type.name
        case .frameError: "frame_error"
        case .sequenceGap: "sequence_gap"
        case .sequenceReset: "sequence_reset"
        }
    }

    static func line(for event: DecoderEvent<DeviceMessage>, endOffset: Int) -> String {
        var object: JSONObject
        switch event {
        case .message(let message, let sequence):
            object = JSONObject(class: className(of: event))
            object.add("seq", sequence)
            add(message, to: &object)
        case .frameError(let error):
            object = JSONObject(class: "frame_error")
            add(error, to: &object)
        case .sequenceGap(let expected, let received, let lostFrames):
            object = JSONObject(class: "sequence_gap")
            object.add("expected", expected)
            object.add("received", received)
            object.add("lost_frames", lostFrames)
        case .sequenceReset(let expected, let received):
            object = JSONObject(class: "sequence_reset")
            object.add("expected", expected)
            object.add("received", received)
        }
        object.add("end_offset", endOffset)
        return object.serialized
    }

    private static func add(_ message: DeviceMessage, to object: inout JSONObject) {
        switch message {
        case .identity(let identity): add(identity, to: &object)
        case .samples(let batch): add(batch, to: &object)
        case .status(let status): add(status, to: &object)
        case .marker(let marker): add(marker, to: &object)
        case .ack(let ack):
            object.add("command", commandLabel(ack.commandType))
            object.add("command_seq", ack.commandSequence)
        case .error(let error):
            object.add("command", commandLabel(error.commandType))
            object.add("command_seq", error.commandSequence)
            object.add("code", error.code.label)
        case .pong(let pong):
            object.add("nonce", pong.nonce)
            object.add("timestamp_us", pong.timestampMicros)
        }
    }

    private static func add(_ identity: DeviceIdentity, to object: inout JSONObject) {
        object.add("protocol", "\(identity.protocolMajor).\(identity.protocolMinor)")
        object.add("kind", identity.sensorKind.label)
        object.add("unit", identity.sensorKind.unit)
        object.add("rate_hz", identity.sampleRateHz)
        object.add("format", identity.sampleFormat.label)
        object.add("max_batch", identity.maxBatch)
        object.add("serial", identity.serialNumber)
        object.add("firmware", identity.firmware.description)
        object.add("hardware", identity.hardwareRevision)
        object.add("channels", identity.channels.map { channel in
            var descriptor = JSONObject()
            descriptor.add("placement", channel.placement.label)
            descriptor.add("axis", channel.axis.label)
            descriptor.add("scale", Double(channel.scale))
            return descriptor
        })
    }

    /// Values are written per channel (`values[channel][sample]`), the shape plots want.
    private static func add(_ batch: SampleBatch, to object: inout JSONObject) {
        object.add("first_sample", batch.firstSampleIndex)
        object.add("timestamp_us", batch.timestampMicros)
        object.add("count", batch.sampleCount)
        object.add("channels", batch.channelCount)
        object.add("format", batch.format.label)
        var flags: [String] = []
        if batch.flags.contains(.leadOff) { flags.append("lead-off") }
        if batch.flags.contains(.saturation) { flags.append("saturation") }
        object.add("flags", flags)
        object.add("values", rows: (0..<batch.channelCount).map { channel in
            (0..<batch.sampleCount).lazy.map { batch.value(sample: $0, channel: channel) }
        })
    }

    private static func add(_ status: DeviceStatus, to object: inout JSONObject) {
        object.add("timestamp_us", status.timestampMicros)
        if let battery = status.batteryPercent { object.add("battery_percent", battery) }
        object.add("charging", status.power.contains(.charging))
        object.add("external_power", status.power.contains(.externalPower))
        object.add("lead_off", channelList(status.leadOffMask))
        object.add("saturation", channelList(status.saturationMask))
        object.add("overruns", status.overrunCount)
    }

    private static func add(_ marker: UserMarker, to object: inout JSONObject) {
        object.add("timestamp_us", marker.timestampMicros)
        object.add("sample_index", marker.sampleIndex)
        object.add("kind", marker.kind.label)
    }

    private static func add(_ error: FrameError, to object: inout JSONObject) {
        switch error {
        case .oversize: object.add("error", "oversize")
        case .invalidEncoding: object.add("error", "invalid_encoding")
        case .runt: object.add("error", "runt")
        case .crcMismatch: object.add("error", "crc")
        case .unsupportedVersion(let version):
            object.add("error", "unsupported_version")
            object.add("version", version)
        case .unknownMessageType(let type):
            object.add("error", "unknown_type")
            object.add("type", type)
        case .malformedPayload(let payloadError):
            object.add("error", "malformed")
            object.add("type", payloadError.typeCode)
            object.add("reason", payloadError.reason)
        }
        if let byteCount = error.byteCount { object.add("bytes", byteCount) }
    }

    /// Channel numbers whose bit is set in `mask`.
    private static func channelList(_ mask: UInt8) -> [Int] {
        (0..<8).filter { mask & (1 << $0) != 0 }
    }

    /// Command names as PROTOCOL.md section 7 spells them; other codes in hex.
    private static func commandLabel(_ type: UInt8) -> String {
        MessageType(rawValue: type)?.name ?? "0x" + String(type, radix: 16)
    }
}
