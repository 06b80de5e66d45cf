import LipTwitchProtocol

/// The device side of the wire protocol, simulated: what a real sensor would send, frame
/// by frame, with a seeded signal and seeded faults. A pure core: it has no clock of its
/// own (device time advances by whole batch periods) and performs no I/O.
public struct SimulatedSensor: Sendable {
    public let configuration: SimulatorConfiguration
    public let identity: DeviceIdentity
    /// Device time: the microsecond clock of PROTOCOL.md section 3.2, not yet wrapped.
    public private(set) var deviceTimeMicros: UInt64 = 0

    private var encoder = FrameEncoder()
    private var signals: [TwitchSignal]
    private var faultRandom: SeededGenerator
    private var nextSampleIndex: UInt32 = 0
    private var nextStatusMicros: UInt64 = 0
    private var frame: [UInt8] = []
    private var values: [Int32] = []

    public init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        identity = DeviceIdentity(
            protocolMajor: ProtocolConstants.version,
            protocolMinor: ProtocolConstants.minorVersion,
            sensorKind: .emg,
            sampleRateHz: UInt16(configuration.sampleRateHz),
            sampleFormat: .int16,
            maxBatch: UInt8(configuration.batchSize),
            serialNumber: configuration.serialNumber,
            firmware: FirmwareVersion(major: 1, minor: 0, patch: 0),
            hardwareRevision: 1,
            channels: configuration.placements.map {
                ChannelDescriptor(placement: $0, axis: .none, scale: SimulatorConfiguration.scale)
            })
        signals = configuration.placements.indices.map {
            TwitchSignal(sampleRateHz: configuration.sampleRateHz, seed: configuration.seed &+ UInt64($0))
        }
        faultRandom = SeededGenerator(seed: ~configuration.seed)
    }

    /// Length of one batch, µs.
    public var batchPeriodMicros: UInt64 {
        UInt64(configuration.batchSize) * 1_000_000 / UInt64(configuration.sampleRateHz)
    }

    /// What a sensor sends when a host has just shaken hands with it: a lone delimiter,
    /// its identity and the acknowledgement of START.
    public mutating func appendSessionStart(to output: inout [UInt8]) {
        output.append(0)
        emit(.identity(identity), to: &output)
        emit(.ack(CommandAck(commandType: 0x82, commandSequence: 2)), to: &output)
    }

    /// Appends everything the sensor sends during the next batch period: one sample
    /// batch, a status once a second, and a marker when the simulated wearer felt a twitch
    /// start. Device time advances by one batch period.
    public mutating func appendStreamingPeriod(to output: inout [UInt8]) {
        let batchStart = deviceTimeMicros
        var felt = false
        values.removeAll(keepingCapacity: true)
        for _ in 0..<configuration.batchSize {
            for channel in signals.indices {
                let microvolts = signals[channel].next()
                felt = felt || signals[channel].burstStarted
                values.append(Self.counts(microvolts))
            }
        }
        let batch = SampleBatch(
            firstSampleIndex: nextSampleIndex, timestampMicros: UInt32(truncatingIfNeeded: batchStart),
            sampleCount: configuration.batchSize, channelCount: signals.count, format: .int16,
            flags: [], values: values)
        emit(.samples(batch), to: &output)
        if felt {
            emit(.marker(UserMarker(timestampMicros: UInt32(truncatingIfNeeded: batchStart),
                                    sampleIndex: nextSampleIndex, kind: .shortPress)), to: &output)
        }
        nextSampleIndex &+= UInt32(configuration.batchSize)
        deviceTimeMicros += batchPeriodMicros
        if deviceTimeMicros >= nextStatusMicros {
            emit(.status(status), to: &output)
            nextStatusMicros += 1_000_000
        }
    }

    private var status: DeviceStatus {
        DeviceStatus(timestampMicros: UInt32(truncatingIfNeeded: deviceTimeMicros), batteryPercent: 87,
                     power: [], leadOffMask: 0, saturationMask: 0, overrunCount: 0)
    }

    /// Encodes one message and puts it on the simulated wire, faults included.
    private mutating func emit(_ message: DeviceMessage, to output: inout [UInt8]) {
        frame.removeAll(keepingCapacity: true)
        encoder.encode(message, into: &frame)
        let faults = configuration.faults
        guard !faults.isNone else {
            output.append(contentsOf: frame)
            return
        }
        if chance(faults.garbage) {
            let count = Int.random(in: 1...32, using: &faultRandom)
            for _ in 0..<count { output.append(UInt8.random(in: 0...255, using: &faultRandom)) }
        }
        if chance(faults.drop) { return }
        if chance(faults.bitFlip) {
            let index = Int.random(in: frame.indices, using: &faultRandom)
            frame[index] ^= 1 << UInt8.random(in: 0..<8, using: &faultRandom)
        }
        output.append(contentsOf: frame)
    }

    private mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && Double.random(in: 0..<1, using: &faultRandom) < probability
    }

    private static func counts(_ microvolts: Double) -> Int32 {
        let raw = (microvolts / Double(SimulatorConfiguration.scale)).rounded()
        return Int32(max(Double(Int16.min), min(Double(Int16.max), raw)))
    }
}
