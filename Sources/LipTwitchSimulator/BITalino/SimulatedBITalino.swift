import LipTwitchProtocol
import LipTwitchSignals

/// A BITalino (r)evolution, simulated from PLUX's public documents (the "Lower Level
/// Protocol", the firmware `firmware-bitalino-revolution` and the Python API), not from
/// LipTwitch's decoder: the device side for the BITalino driver's tests and `liptwitch
/// simulate --board bitalino`.
///
/// Every command is one byte, read as the firmware reads it. In idle mode: `xxxxxx00`
/// sets the battery threshold, `mmmmmm01` starts live mode with the channel mask A6...A1,
/// `0x07` (and `0x0F`) answers the version text and a line end, `0x03`, `0x43`, `0x83`,
/// `0xC3` set 1, 10, 100 or 1000 Hz (the rate applies from the next start). In live mode:
/// `0x00` or `0xFF` stops, `xxxxxx11` sets the digital outputs. In any mode `0xA3` takes
/// the next byte as the PWM output. Simulated mode (`xxxxxx10`) and the state command
/// (`0x0B`) are not simulated: they are ignored. While live it sends a frame per tick: the
/// acquired inputs in channel order (the lip's input the scenario's EMG through the EMG
/// sensor, `BITalinoEMGSensor`, the others half scale), its 4-bit sequence number counting
/// every tick. Pure: time is an input (`advance(to:)`), bytes out go to `output`.
public struct SimulatedBITalino: SimulatedDevice {
    public let simulation: BITalinoSimulation
    /// The board's clock, µs since power-on.
    public private(set) var clockMicros: UInt64 = 0
    /// The rate the next start runs at.
    private var rateHz = Self.defaultRateHz
    private var stream: GeneratedStream?
    /// The running stream's acquired inputs (1 to 6) and rate.
    private var inputs: [Int] = []
    private var streamRateHz = Self.defaultRateHz
    private var sensor = BITalinoEMGSensor(rateHz: Self.defaultRateHz)
    private var streamCount = 0
    private var pendingPWM = false
    /// Device time of the first start, for the unplug's moment.
    private var firstStartMicros: UInt64?
    private var unplugDone = false
    private var groundTruth: [GroundTruthEvent] = []

    /// The sampling rate of each rate code (bits 7 and 6 of `0bxx000011`).
    static let ratesHz = [1, 10, 100, 1000]
    /// The rate at power-on and after a reset.
    public static let defaultRateHz = 1000

    public init(simulation: BITalinoSimulation) {
        self.simulation = simulation
    }

    public var isStreaming: Bool { stream != nil }
    public var clockStartMicros: UInt64 { 0 }

    public var isStalled: Bool {
        stream?.isStalled(simulation.faults.stall, at: clockMicros) ?? false
    }

    public var isUnplugDue: Bool {
        guard !unplugDone, let at = simulation.faults.unplugAt, let firstStartMicros else { return false }
        return clockMicros >= firstStartMicros + UInt64(at * 1e6)
    }

    public mutating func unplugged() {
        unplugDone = true
        endStream()
    }

    public mutating func takeGroundTruth() -> [GroundTruthEvent] {
        defer { groundTruth.removeAll() }
        return groundTruth
    }

    /// When the next frame is due (nil in idle mode).
    public var nextEventMicros: UInt64? {
        stream.map { $0.startMicros + ($0.frames + 1) * 1_000_000 / UInt64(streamRateHz) }
    }

    /// The board powers up in idle mode and says nothing.
    public mutating func powerOn(output: inout [UInt8]) {}

    public mutating func receive(_ bytes: ArraySlice<UInt8>, output: inout [UInt8]) {
        for byte in bytes { take(byte, output: &output) }
    }

    /// Runs the board until `micros`, sending the frames that come due.
    public mutating func advance(to micros: UInt64, output: inout [UInt8]) {
        while var running = stream, let due = nextEventMicros, due <= micros {
            clockMicros = due
            if let reset = simulation.faults.resetAt, running.seconds(at: due) >= reset {
                endStream()
                rateHz = Self.defaultRateHz
                break
            }
            let index = running.frames
            let microvolts = running.nextFrame(averaging: max(1, GeneratedStream.generatorRateHz / streamRateHz))
            running.collectTruth(placement: simulation.placement, into: &groundTruth)
            stream = running
            let code = sensor.code(microvolts: microvolts)
            if running.isStalled(simulation.faults.stall, at: due) { continue }
            output += frameBytes(index: index, lipCode: code)
        }
        clockMicros = max(clockMicros, micros)
    }

    private mutating func take(_ cmd: UInt8, output: inout [UInt8]) {
        if pendingPWM {
            pendingPWM = false
            return
        }
        if cmd & 0xA3 == 0xA3, cmd != 0xFF {
            pendingPWM = cmd == 0xA3
            return
        }
        guard stream == nil else {
            if cmd == 0x00 || cmd == 0xFF { endStream() }
            return
        }
        switch cmd & 0x03 {
        case 0x01:
            start(mask: cmd >> 2)
        case 0x03 where cmd == 0x07 || cmd == 0x0F:
            output += Array((simulation.version + "\n").utf8)
        case 0x03 where cmd & 0x3C == 0:
            rateHz = Self.ratesHz[Int(cmd >> 6)]
        default:
            break
        }
    }

    private mutating func start(mask: UInt8) {
        inputs = (1...6).filter { mask & 1 << ($0 - 1) != 0 }
        guard !inputs.isEmpty else { return }
        streamCount += 1
        streamRateHz = rateHz
        sensor = BITalinoEMGSensor(rateHz: rateHz)
        firstStartMicros = firstStartMicros ?? clockMicros
        stream = GeneratedStream(
            scenario: simulation.scenario, seed: simulation.seed &+ UInt64(streamCount - 1), number: streamCount,
            startMicros: clockMicros)
    }

    private mutating func endStream() {
        stream?.finish(placement: simulation.placement, into: &groundTruth)
        stream = nil
    }

    /// Frame `index` of the stream, the lip's input reading `lipCode`, with the faults that
    /// touch it.
    private func frameBytes(index: UInt64, lipCode: Int) -> [UInt8] {
        var bytes = BITalinoFramePacker.frame(
            inputs.map { $0 == simulation.lipChannel ? lipCode : 512 }, sequence: UInt8(truncatingIfNeeded: index))
        let faults = simulation.faults
        if let every = faults.badCRCEveryFrames, index % UInt64(every) == UInt64(every - 1) {
            bytes[0] ^= 0x04
        }
        if let every = faults.lostByteEveryFrames, index % UInt64(every) == UInt64(every - 1) {
            bytes.remove(at: 1)
        }
        return bytes
    }
}
