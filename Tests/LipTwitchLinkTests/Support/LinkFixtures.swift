import LipTwitchLink
import LipTwitchProtocol

/// Messages and moments the link tests share.
enum LinkFixtures {
    static let location = SensorLocation(
        devicePath: "/dev/ttyACM0", byIdPath: "/dev/serial/by-id/usb-LipTwitch_LT-0001-if00",
        serialNumber: "LT-0001", vendorId: 0x1209, productId: 0x4C54)

    /// A two-channel EMG sensor at `rate` Hz with batches of `maxBatch`.
    static func identity(rate: UInt16 = 2000, maxBatch: UInt8 = 16, major: UInt8 = 1) -> DeviceIdentity {
        DeviceIdentity(
            protocolMajor: major, sensorKind: .emg, sampleRateHz: rate, sampleFormat: .int16, maxBatch: maxBatch,
            serialNumber: "LT-0001", firmware: FirmwareVersion(major: 1, minor: 2, patch: 3), hardwareRevision: 1,
            channels: [ChannelDescriptor(placement: .upperLeft, axis: .none, scale: 0.5),
                       ChannelDescriptor(placement: .upperRight, axis: .none, scale: 0.5)])
    }

    static func samples(first: UInt32 = 0, count: Int = 16) -> DeviceMessage {
        .samples(SampleBatch(
            firstSampleIndex: first, timestampMicros: first * 500, sampleCount: count, channelCount: 2,
            format: .int16, values: Array(repeating: 0, count: count * 2)))
    }

    static func ack(_ type: MessageType, _ sequence: UInt16) -> DecoderEvent<DeviceMessage> {
        .message(.ack(CommandAck(commandType: type.rawValue, commandSequence: sequence)), sequence: 0)
    }

    static func error(_ type: MessageType, _ sequence: UInt16, _ code: DeviceErrorCode) -> DecoderEvent<DeviceMessage> {
        .message(.error(CommandError(commandType: type.rawValue, commandSequence: sequence, code: code)), sequence: 0)
    }

    static func message(_ message: DeviceMessage) -> DecoderEvent<DeviceMessage> {
        .message(message, sequence: 0)
    }

    /// A link held at 921600 baud that does not wait for a bootloader: the handshake's
    /// retries alone.
    static let oneLineRateNoBootWindow: LinkConfiguration = {
        var configuration = LinkConfiguration(lineRates: [921_600])
        configuration.bootWindow = .zero
        return configuration
    }()

    static func ms(_ milliseconds: Int64) -> HostTime {
        HostTime(nanoseconds: milliseconds * 1_000_000)
    }
}
