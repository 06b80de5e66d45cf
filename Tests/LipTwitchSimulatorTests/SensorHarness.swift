import LipTwitchProtocol
import LipTwitchSimulator

/// A simulated sensor with a host beside it: commands are encoded and fed in, everything
/// the sensor sends is decoded and kept for the test to look at.
struct SensorHarness {
    var sensor: SimulatedSensor
    var host = FrameEncoder()
    var decoder = DeviceStreamDecoder()

    init(_ configure: (inout SimulatorConfiguration) -> Void = { _ in }) {
        var configuration = SimulatorConfiguration()
        configure(&configuration)
        sensor = SimulatedSensor(configuration: configuration)
    }

    /// Sends `command` (numbered by the host's counter) and returns what the sensor said.
    mutating func send(_ command: HostCommand) -> [DecoderEvent<DeviceMessage>] {
        var bytes: [UInt8] = []
        host.encode(command, into: &bytes)
        return feed(bytes)
    }

    /// Feeds raw bytes from the host and returns what the sensor said.
    mutating func feed(_ bytes: [UInt8]) -> [DecoderEvent<DeviceMessage>] {
        var output: [UInt8] = []
        sensor.receive(bytes[...], output: &output)
        return decode(output)
    }

    /// Runs the device clock `milliseconds` past its start and returns what the sensor sent.
    mutating func advance(to milliseconds: UInt64) -> [DecoderEvent<DeviceMessage>] {
        var output: [UInt8] = []
        sensor.advance(to: sensor.configuration.clockStartMicros + milliseconds * 1000, output: &output)
        return decode(output)
    }

    mutating func decode(_ bytes: [UInt8]) -> [DecoderEvent<DeviceMessage>] {
        var input = bytes[...]
        var events: [DecoderEvent<DeviceMessage>] = []
        while let event = decoder.decode(&input) { events.append(event) }
        return events
    }

    /// The sequence number the host's last command carried.
    var lastSequence: UInt16 { host.nextSequence &- 1 }
}

extension Array where Element == DecoderEvent<DeviceMessage> {
    var messages: [DeviceMessage] {
        compactMap { if case .message(let message, _) = $0 { message } else { nil } }
    }

    var batches: [SampleBatch] {
        messages.compactMap { if case .samples(let batch) = $0 { batch } else { nil } }
    }

    var statuses: [DeviceStatus] {
        messages.compactMap { if case .status(let status) = $0 { status } else { nil } }
    }
}
