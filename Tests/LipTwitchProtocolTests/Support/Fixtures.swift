import LipTwitchProtocol

/// Messages and frames the stream tests build on.
enum Fixtures {
    static let identity = DeviceMessage.identity(DeviceIdentity(
        sensorKind: .emg, sampleRateHz: 2000, sampleFormat: .int16, maxBatch: 16, serialNumber: "LT-TEST-01",
        firmware: FirmwareVersion(major: 1, minor: 2, patch: 3), hardwareRevision: 4,
        channels: [
            ChannelDescriptor(placement: .upperLeft, axis: .none, scale: 0.5),
            ChannelDescriptor(placement: .upperRight, axis: .none, scale: 0.25),
        ]))

    static func samples(first: UInt32 = 0, count: Int = 16, channels: Int = 2, format: SampleFormat = .int16) -> DeviceMessage {
        .samples(SampleBatch(
            firstSampleIndex: first, timestampMicros: first &* 500, sampleCount: count, channelCount: channels,
            format: format, values: (0..<count * channels).map { Int32($0 * 37 % 2001 - 1000) }))
    }

    static let status = DeviceMessage.status(DeviceStatus(
        timestampMicros: 1_000_000, batteryPercent: 87, power: .charging, leadOffMask: 0b10, saturationMask: 0,
        overrunCount: 3))

    /// The wire bytes of `message` sent as frame `sequence`.
    static func wire(_ message: some WireMessage, sequence: UInt16) -> [UInt8] {
        var bytes: [UInt8] = []
        FrameEncoder.encode(message, sequence: sequence, into: &bytes)
        return bytes
    }

    /// The wire bytes of a frame with any header and payload.
    static func wire(version: UInt8 = 1, typeCode: UInt8, sequence: UInt16, payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        FrameEncoder.encodeFrame(version: version, typeCode: typeCode, sequence: sequence, payload: payload, into: &bytes)
        return bytes
    }

    /// How many empty candidates `bytes` holds when fed to a fresh decoder: delimiters at
    /// the start or right after another delimiter.
    static func emptyCandidates(in bytes: [UInt8]) -> Int {
        bytes.indices.count { bytes[$0] == 0 && ($0 == 0 || bytes[$0 - 1] == 0) }
    }
}
