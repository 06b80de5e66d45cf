import LipTwitchProtocol
import LipTwitchSignals

/// The firmware side of the wire protocol, simulated (PROTOCOL.md sections 6 to 8): it
/// answers every command as a real sensor must (IDENTITY, ACK, ERROR with the right code,
/// PONG), streams sample batches of a seeded, labelled scenario while started (EMG or
/// accelerometer, `SimulatedSignal`), sends STATUS once a second and at once when an
/// electrode comes off or back or a channel saturates, MARKER when the simulated wearer
/// feels a twitch begin, stops on its own 5 s after the host's last frame, and injects the
/// configured faults.
///
/// A pure core: time is the device clock the caller advances (`advance(to:output:)`),
/// bytes come in through `receive(_:output:)`, and everything the sensor sends is
/// appended to `output`. Same seed, same times, same input: the same bytes.
public struct SimulatedSensor: SimulatedDevice {
    public let configuration: SimulatorConfiguration
    /// What IDENTIFY answers; SET_RATE changes its rate.
    public internal(set) var identity: DeviceIdentity
    /// The device clock, µs, unwrapped (the wire carries it modulo 2^32).
    public private(set) var clockMicros: UInt64
    /// Whether a START is in force.
    public var isStreaming: Bool { stream != nil }

    var wire: SimulatedWire
    var commands = FrameDecoder()
    var stream: Stream?
    /// Streams started so far.
    private var streamCount = 0
    /// Device time of the host's last intact frame (the heartbeat).
    var lastHostFrameMicros: UInt64
    /// Device time of the first START: the origin of the scheduled faults.
    var firstStartMicros: UInt64?
    private var unplugDone = false
    private var overruns: UInt32 = 0
    private var groundTruth: [GroundTruthEvent] = []
    private var truth: [TruthEvent] = []
    private var values: [Int32] = []
    /// Channels whose electrode is off now (STATUS `lead_off`).
    private var leadOffMask: UInt8 = 0
    /// Channels that saturated since the last STATUS (STATUS `saturation`).
    private var saturationMask: UInt8 = 0

    /// A running stream.
    struct Stream: Sendable {
        var startMicros: UInt64
        var nextIndex: UInt32 = 0
        var nextStatusMicros: UInt64
        var signal: SimulatedSignal
        /// The rate the stream runs at (SET_RATE is refused while streaming).
        var sampleRateHz: Int
    }

    /// A sensor that stops streaming when it has heard nothing from the host for this long.
    public static let heartbeatTimeoutMicros: UInt64 = 5_000_000

    public init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        identity = DeviceIdentity(
            protocolMajor: configuration.protocolMajor,
            protocolMinor: ProtocolConstants.minorVersion,
            sensorKind: configuration.sensorKind,
            sampleRateHz: UInt16(configuration.sampleRateHz),
            sampleFormat: configuration.sampleFormat,
            maxBatch: UInt8(SimulatorConfiguration.batchSize(forRate: configuration.sampleRateHz)),
            serialNumber: configuration.serialNumber,
            firmware: FirmwareVersion(major: 1, minor: 0, patch: 0),
            hardwareRevision: 1,
            channels: configuration.channels)
        wire = SimulatedWire(version: configuration.protocolMajor, faults: configuration.faults, seed: configuration.seed)
        clockMicros = configuration.clockStartMicros
        lastHostFrameMicros = configuration.clockStartMicros
    }

    /// What a sensor sends when it powers up or its USB link comes back: a lone delimiter
    /// that ends whatever partial frame the host holds. Its frame counter starts at 0,
    /// and it is not streaming.
    public mutating func powerOn(output: inout [UInt8]) {
        endStream()
        commands.reset()
        wire.restart()
        output.append(ProtocolConstants.delimiter)
    }

    /// When the sensor next has something to do (a batch complete, a status due, an unplug
    /// to perform), device µs; nil while nothing is scheduled. It may be in the past: then
    /// it is due now.
    public var nextEventMicros: UInt64? {
        [stream.map { batchDueMicros($0) }, stream?.nextStatusMicros, unplugDueMicros].compactMap { $0 }.min()
    }

    /// True once the configured unplug time has come (and until `unplugged()`).
    public var isUnplugDue: Bool {
        unplugDueMicros.map { clockMicros >= $0 } ?? false
    }

    /// The runtime performed the unplug: the fault is spent.
    public mutating func unplugged() {
        unplugDone = true
    }

    /// Runs the device clock forward to `micros`, sending every batch completed and every
    /// status due by then; stops streaming when the host's heartbeat is overdue.
    public mutating func advance(to micros: UInt64, output: inout [UInt8]) {
        while var running = stream {
            let heartbeatDeadline = lastHostFrameMicros + Self.heartbeatTimeoutMicros
            let batchDue = batchDueMicros(running)
            let next = min(batchDue, running.nextStatusMicros)
            if heartbeatDeadline <= min(next, micros) {
                clockMicros = max(clockMicros, heartbeatDeadline)
                endStream()
                break
            }
            guard next <= micros else { break }
            clockMicros = max(clockMicros, next)
            let silent = isStalled(at: clockMicros)
            if batchDue == next {
                if appendBatch(&running, sending: !silent, to: &output), !silent {
                    wire.send(.status(status), to: &output)
                    saturationMask = 0
                }
            } else {
                running.nextStatusMicros += 1_000_000
                if !silent {
                    wire.send(.status(status), to: &output)
                    saturationMask = 0
                }
            }
            stream = running
        }
        clockMicros = max(clockMicros, micros)
    }

    /// Handles bytes from the host at the current device time: every intact frame is a
    /// heartbeat and gets its answer; broken frames get none (PROTOCOL.md section 7).
    /// While stalled, the sensor hears nothing.
    public mutating func receive(_ bytes: ArraySlice<UInt8>, output: inout [UInt8]) {
        guard !isStalled(at: clockMicros) else { return }
        var input = bytes
        while let candidate = commands.decode(&input) {
            guard case .success(let frame) = candidate else { continue }
            lastHostFrameMicros = clockMicros
            handle(frame, output: &output)
        }
    }

    /// What happened in the samples (twitches, talking, lead-off, ...) and has ended since
    /// the last call, oldest first; an event under way when its stream ends is cut there.
    public mutating func takeGroundTruth() -> [GroundTruthEvent] {
        defer { groundTruth.removeAll(keepingCapacity: true) }
        return groundTruth
    }

    /// Begins a stream (START when stopped).
    mutating func startStream() {
        streamCount += 1
        firstStartMicros = firstStartMicros ?? clockMicros
        let rate = Int(identity.sampleRateHz)
        stream = Stream(
            startMicros: clockMicros, nextStatusMicros: clockMicros + 1_000_000,
            signal: SimulatedSignal(
                configuration: configuration, seed: configuration.seed &+ UInt64(streamCount - 1), sampleRateHz: rate),
            sampleRateHz: rate)
        overruns = 0
        leadOffMask = 0
        saturationMask = 0
    }

    /// Ends the stream in force, if any (STOP, a silent host, power): the truth of an event
    /// under way is cut at its last sample.
    mutating func endStream() {
        guard var running = stream else { return }
        running.signal.finish()
        collectTruth(from: &running)
        stream = nil
    }

    /// Device time of sample `index` of `stream`.
    private func micros(ofSample index: UInt32, in stream: Stream) -> UInt64 {
        stream.startMicros + UInt64(index) * 1_000_000 / UInt64(stream.sampleRateHz)
    }

    /// Moves the signal's completed truth into the ground truth, in device time.
    private mutating func collectTruth(from running: inout Stream) {
        running.signal.takeTruth(into: &truth)
        for event in truth {
            let placement = event.channel.map { configuration.channels[$0].placement }
            groundTruth.append(GroundTruthEvent(
                event: event, placement: placement, stream: streamCount,
                deviceMicros: micros(ofSample: UInt32(truncatingIfNeeded: event.onsetSample), in: running),
                endDeviceMicros: micros(ofSample: UInt32(truncatingIfNeeded: event.offsetSample), in: running)))
        }
        truth.removeAll(keepingCapacity: true)
    }

    /// When the next batch is complete: the time of its last sample.
    private func batchDueMicros(_ stream: Stream) -> UInt64 {
        micros(ofSample: stream.nextIndex + UInt32(identity.maxBatch) - 1, in: stream)
    }

    private var unplugDueMicros: UInt64? {
        guard !unplugDone, let after = configuration.faults.disconnectAfter, let firstStartMicros else { return nil }
        return firstStartMicros + UInt64(after * 1e6)
    }

    private var stallWindow: (start: UInt64, end: UInt64)? {
        guard let stall = configuration.faults.stall, let firstStartMicros else { return nil }
        let start = firstStartMicros + UInt64(stall.after * 1e6)
        return (start, start + UInt64(stall.duration * 1e6))
    }

    /// True while the stall fault keeps the sensor silent.
    public var isStalled: Bool { isStalled(at: clockMicros) }

    public var clockStartMicros: UInt64 { configuration.clockStartMicros }

    private func isStalled(at micros: UInt64) -> Bool {
        stallWindow.map { $0.start <= micros && micros < $0.end } ?? false
    }

    /// Takes one batch of samples and sends it, flagged with any lead-off or saturation
    /// in it, with a marker when the wearer felt a twitch begin in it; a stalled sensor
    /// takes them and loses them (overruns). Returns true when a STATUS is due at once: an
    /// electrode came off or back, or a channel began to saturate.
    private mutating func appendBatch(_ running: inout Stream, sending: Bool, to output: inout [UInt8]) -> Bool {
        let first = running.nextIndex
        let count = Int(identity.maxBatch)
        var felt: UInt32?
        var batchLeadOff: UInt8 = 0
        var batchSaturation: UInt8 = 0
        var lastLeadOff = leadOffMask
        values.removeAll(keepingCapacity: true)
        for sample in 0..<count {
            let frame = running.signal.next(into: &values)
            if frame.twitchBegan { felt = felt ?? first &+ UInt32(sample) }
            batchLeadOff |= frame.leadOff
            batchSaturation |= frame.saturation
            lastLeadOff = frame.leadOff
        }
        running.nextIndex = first &+ UInt32(count)
        collectTruth(from: &running)
        let statusDue = lastLeadOff != leadOffMask || batchSaturation & ~saturationMask != 0
        leadOffMask = lastLeadOff
        saturationMask |= batchSaturation
        guard sending else {
            overruns &+= UInt32(count)
            return false
        }
        var flags: BatchFlags = []
        if batchLeadOff != 0 { flags.insert(.leadOff) }
        if batchSaturation != 0 { flags.insert(.saturation) }
        let timestamp = UInt32(truncatingIfNeeded: micros(ofSample: first, in: running))
        wire.send(.samples(SampleBatch(
            firstSampleIndex: first, timestampMicros: timestamp, sampleCount: count,
            channelCount: configuration.channels.count, format: identity.sampleFormat, flags: flags, values: values)), to: &output)
        if let felt {
            wire.send(.marker(UserMarker(
                timestampMicros: UInt32(truncatingIfNeeded: micros(ofSample: felt, in: running)), sampleIndex: felt,
                kind: .shortPress)), to: &output)
        }
        return statusDue
    }

    private var status: DeviceStatus {
        DeviceStatus(timestampMicros: UInt32(truncatingIfNeeded: clockMicros), batteryPercent: 87,
                     power: [], leadOffMask: leadOffMask, saturationMask: saturationMask, overrunCount: overruns)
    }
}
