/// IDENTITY (`0x01`, PROTOCOL.md section 6.1): what a sensor is and how it samples; the
/// reply to IDENTIFY.
public struct DeviceIdentity: Sendable, Equatable {
    /// The protocol version the sensor speaks (the payload's frozen first two bytes).
    public var protocolMajor: UInt8
    public var protocolMinor: UInt8
    public var sensorKind: SensorKind
    /// The rate each channel samples at now, 1 to 4000.
    public var sampleRateHz: UInt16
    public var sampleFormat: SampleFormat
    /// The most samples per channel in one SAMPLES frame, at least 1.
    public var maxBatch: UInt8
    /// 1 to 16 printable ASCII characters; equals the USB serial number string.
    public var serialNumber: String
    public var firmware: FirmwareVersion
    public var hardwareRevision: UInt8
    /// One descriptor per channel, 1 to 8.
    public var channels: [ChannelDescriptor]

    public init(
        protocolMajor: UInt8 = ProtocolConstants.version, protocolMinor: UInt8 = ProtocolConstants.minorVersion,
        sensorKind: SensorKind, sampleRateHz: UInt16, sampleFormat: SampleFormat, maxBatch: UInt8,
        serialNumber: String, firmware: FirmwareVersion, hardwareRevision: UInt8, channels: [ChannelDescriptor]
    ) {
        self.protocolMajor = protocolMajor
        self.protocolMinor = protocolMinor
        self.sensorKind = sensorKind
        self.sampleRateHz = sampleRateHz
        self.sampleFormat = sampleFormat
        self.maxBatch = maxBatch
        self.serialNumber = serialNumber
        self.firmware = firmware
        self.hardwareRevision = hardwareRevision
        self.channels = channels
    }

    /// The number of channels, as `channel_count` on the wire.
    public var channelCount: Int { channels.count }

    /// Bytes of the `serial` field.
    static let serialLength = 16
    /// Offset of the first channel descriptor.
    static let channelsOffset = 28
}

extension DeviceIdentity: MessagePayload {
    static var messageType: MessageType { .identity }
    static var minimumPayloadLength: Int { channelsOffset }

    init(reading payload: PayloadReader) throws(PayloadError) {
        let kindCode = payload.uint8(at: 2)
        guard let sensorKind = SensorKind(rawValue: kindCode) else {
            throw payload.failure("sensor_kind \(kindCode) is not 1 (emg) or 2 (accelerometer)")
        }
        let channelCount = try payload.channelCount(at: 3)
        try payload.requireLength(Self.channelsOffset + channelCount * ChannelDescriptor.encodedLength)
        let sampleRateHz = payload.uint16(at: 4)
        try payload.require((1...4000).contains(sampleRateHz), "sample_rate_hz \(sampleRateHz) is outside 1...4000")
        let sampleFormat = try payload.sampleFormat(at: 6)
        let maxBatch = payload.uint8(at: 7)
        try payload.require(maxBatch >= 1, "max_batch is 0")
        var channels: [ChannelDescriptor] = []
        channels.reserveCapacity(channelCount)
        for channel in 0..<channelCount {
            let offset = Self.channelsOffset + channel * ChannelDescriptor.encodedLength
            channels.append(try ChannelDescriptor(reading: payload, at: offset, channel: channel))
        }
        self.init(
            protocolMajor: payload.uint8(at: 0), protocolMinor: payload.uint8(at: 1), sensorKind: sensorKind,
            sampleRateHz: sampleRateHz, sampleFormat: sampleFormat, maxBatch: maxBatch,
            serialNumber: try Self.readSerial(payload, at: 8),
            firmware: FirmwareVersion(
                major: payload.uint8(at: 24), minor: payload.uint8(at: 25), patch: payload.uint8(at: 26)),
            hardwareRevision: payload.uint8(at: 27), channels: channels)
    }

    /// Reads the 16-byte serial field: printable ASCII, at least one character, then only
    /// `0x00` padding.
    private static func readSerial(_ payload: PayloadReader, at offset: Int) throws(PayloadError) -> String {
        let field = (0..<serialLength).map { payload.uint8(at: offset + $0) }
        let characters = field.prefix { $0 != 0 }
        try payload.require(!characters.isEmpty, "serial is empty")
        try payload.require(
            characters.allSatisfy { (0x20...0x7E).contains($0) }, "serial holds a byte outside 0x20...0x7E")
        try payload.require(field[characters.endIndex...].allSatisfy { $0 == 0 }, "serial has bytes after its padding")
        return String(decoding: characters, as: UTF8.self)
    }

    /// Writes the fields as they are; stops the program when `channels` has more than 255
    /// entries or `serialNumber` more than 16 bytes, which the wire cannot carry.
    func encodePayload(into buffer: inout [UInt8]) {
        let serial = Array(serialNumber.utf8)
        precondition(serial.count <= Self.serialLength, "serial number \(serialNumber) is longer than 16 bytes")
        precondition(channels.count <= Int(UInt8.max), "\(channels.count) channels do not fit channel_count")
        buffer.append(contentsOf: [protocolMajor, protocolMinor, sensorKind.rawValue, UInt8(channels.count)])
        buffer.appendLittleEndian(sampleRateHz)
        buffer.append(contentsOf: [sampleFormat.rawValue, maxBatch])
        buffer.append(contentsOf: serial)
        buffer.append(contentsOf: repeatElement(0, count: Self.serialLength - serial.count))
        buffer.append(contentsOf: [firmware.major, firmware.minor, firmware.patch, hardwareRevision])
        for channel in channels { channel.encode(into: &buffer) }
    }
}
