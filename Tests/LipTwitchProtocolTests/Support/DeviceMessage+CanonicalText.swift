import LipTwitchProtocol

extension DeviceMessage: CanonicalText {
    func canonicalText(sequence: UInt16) -> String {
        var fields: [(key: String, value: String)] = [("seq", "\(sequence)")]
        switch self {
        case .identity(let identity):
            fields += [
                ("protocol", "\(identity.protocolMajor).\(identity.protocolMinor)"),
                ("kind", "\(identity.sensorKind.rawValue)"), ("channels", "\(identity.channelCount)"),
                ("rate", "\(identity.sampleRateHz)"), ("format", "\(identity.sampleFormat.rawValue)"),
                ("max_batch", "\(identity.maxBatch)"), ("serial", identity.serialNumber),
                ("firmware", identity.firmware.description), ("hardware", "\(identity.hardwareRevision)"),
            ]
            for (index, channel) in identity.channels.enumerated() {
                let scale = ExactDecimal.format(channel.scale)
                fields.append(("ch\(index)", "\(channel.placement.rawValue):\(channel.axis.rawValue):\(scale)"))
            }
        case .samples(let batch):
            fields += [
                ("first_sample", "\(batch.firstSampleIndex)"), ("timestamp_us", "\(batch.timestampMicros)"),
                ("count", "\(batch.sampleCount)"), ("channels", "\(batch.channelCount)"),
                ("format", "\(batch.format.rawValue)"), ("flags", "\(batch.flags.rawValue)"),
                ("values", batch.values.map(String.init).joined(separator: ",")),
            ]
        case .status(let status):
            fields += [
                ("timestamp_us", "\(status.timestampMicros)"), ("battery", "\(status.batteryPercent ?? 255)"),
                ("power", "\(status.power.rawValue)"), ("lead_off", "\(status.leadOffMask)"),
                ("saturation", "\(status.saturationMask)"), ("overruns", "\(status.overrunCount)"),
            ]
        case .marker(let marker):
            fields += [
                ("timestamp_us", "\(marker.timestampMicros)"), ("sample_index", "\(marker.sampleIndex)"),
                ("kind", "\(marker.kind.rawValue)"),
            ]
        case .ack(let ack):
            fields += [("command", "\(ack.commandType)"), ("command_seq", "\(ack.commandSequence)")]
        case .error(let error):
            fields += [
                ("command", "\(error.commandType)"), ("command_seq", "\(error.commandSequence)"),
                ("code", "\(error.code.rawValue)"),
            ]
        case .pong(let pong):
            fields += [("nonce", "\(pong.nonce)"), ("timestamp_us", "\(pong.timestampMicros)")]
        }
        return CanonicalFields.join(type.name, fields)
    }

    static func parse(canonicalText text: String) throws(CanonicalTextError) -> (message: Self, sequence: UInt16) {
        var fields = try CanonicalFields(text)
        let sequence = try fields.integer("seq", as: UInt16.self)
        let message: DeviceMessage
        switch fields.name {
        case "identity": message = .identity(try parseIdentity(&fields))
        case "samples":
            let firstSample = try fields.integer("first_sample", as: UInt32.self)
            let timestamp = try fields.integer("timestamp_us", as: UInt32.self)
            let count = try fields.integer("count", as: Int.self)
            let channels = try fields.integer("channels", as: Int.self)
            let format = try fields.code("format", as: SampleFormat.self)
            let flags = BatchFlags(rawValue: try fields.integer("flags"))
            let values: [Int32] = try fields.integers("values", separator: ",", count: count * channels)
            message = .samples(SampleBatch(
                firstSampleIndex: firstSample, timestampMicros: timestamp, sampleCount: count,
                channelCount: channels, format: format, flags: flags, values: values))
        case "status":
            let timestamp = try fields.integer("timestamp_us", as: UInt32.self)
            let battery = try fields.integer("battery", as: UInt8.self)
            message = .status(DeviceStatus(
                timestampMicros: timestamp, batteryPercent: battery == 255 ? nil : battery,
                power: PowerFlags(rawValue: try fields.integer("power")), leadOffMask: try fields.integer("lead_off"),
                saturationMask: try fields.integer("saturation"), overrunCount: try fields.integer("overruns")))
        case "marker":
            message = .marker(UserMarker(
                timestampMicros: try fields.integer("timestamp_us"), sampleIndex: try fields.integer("sample_index"),
                kind: try fields.code("kind")))
        case "ack":
            message = .ack(CommandAck(
                commandType: try fields.integer("command"), commandSequence: try fields.integer("command_seq")))
        case "error":
            message = .error(CommandError(
                commandType: try fields.integer("command"), commandSequence: try fields.integer("command_seq"),
                code: try fields.code("code")))
        case "pong":
            message = .pong(Pong(nonce: try fields.integer("nonce"), timestampMicros: try fields.integer("timestamp_us")))
        default:
            throw fields.error("unknown device message \(fields.name)")
        }
        try fields.finish()
        return (message, sequence)
    }

    private static func parseIdentity(_ fields: inout CanonicalFields) throws(CanonicalTextError) -> DeviceIdentity {
        let version: [UInt8] = try fields.integers("protocol", separator: ".", count: 2)
        let kind = try fields.code("kind", as: SensorKind.self)
        let channelCount = try fields.integer("channels", as: Int.self)
        let rate = try fields.integer("rate", as: UInt16.self)
        let format = try fields.code("format", as: SampleFormat.self)
        let maxBatch = try fields.integer("max_batch", as: UInt8.self)
        let serial = String(try fields.text("serial"))
        let firmware: [UInt8] = try fields.integers("firmware", separator: ".", count: 3)
        let hardware = try fields.integer("hardware", as: UInt8.self)
        var channels: [ChannelDescriptor] = []
        for index in 0..<channelCount {
            let parts = try fields.text("ch\(index)").split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, let placementCode = UInt8(parts[0]), let placement = Placement(rawValue: placementCode),
                  let axisCode = UInt8(parts[1]), let axis = Axis(rawValue: axisCode), let scale = Float(parts[2]),
                  ExactDecimal.format(scale) == parts[2]
            else { throw fields.error("ch\(index) is not PLACEMENT:AXIS:EXACT-SCALE") }
            channels.append(ChannelDescriptor(placement: placement, axis: axis, scale: scale))
        }
        return DeviceIdentity(
            protocolMajor: version[0], protocolMinor: version[1], sensorKind: kind, sampleRateHz: rate,
            sampleFormat: format, maxBatch: maxBatch, serialNumber: serial,
            firmware: FirmwareVersion(major: firmware[0], minor: firmware[1], patch: firmware[2]),
            hardwareRevision: hardware, channels: channels)
    }
}
