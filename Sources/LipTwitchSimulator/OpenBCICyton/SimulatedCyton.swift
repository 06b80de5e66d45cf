import LipTwitchProtocol
import LipTwitchSignals

/// An OpenBCI Cyton behind its USB dongle, simulated from OpenBCI's public documents (the
/// Cyton SDK's one-character commands and the "Cyton Data Format"), not from LipTwitch's
/// decoder: the device side for the Cyton driver's tests and `liptwitch simulate`.
///
/// It answers `v` (soft reset: stop, channel defaults, the banner), `d` (channel defaults),
/// `b` (start streaming from sample number 0), `s` (stop) and `x CHANNEL POWER GAIN INPUT
/// BIAS SRB2 SRB1 X` (a channel's settings, the gain among them); text answers end in
/// `$$$`, and `d` and `x` answer only while not streaming, as the firmware does. While
/// streaming it sends a 33-byte packet every 4 ms (250 Hz): the lip's EMG from the
/// scenario generator on the configured channel at that channel's gain, the accelerometer
/// (1 g on z) in every tenth packet as the firmware's 25 Hz LIS3DH updates, zeros in the
/// others. Pure: time is an input (`advance(to:)`), bytes out go to `output`.
///
/// ```swift
/// var cyton = SimulatedCyton(simulation: CytonSimulation())
/// cyton.receive(Array("b".utf8)[...], output: &bytes)
/// cyton.advance(to: 1_000_000, output: &bytes)   // a second of packets
/// ```
public struct SimulatedCyton: SimulatedDevice {
    public let simulation: CytonSimulation
    /// The board's clock, µs since power-on.
    public private(set) var clockMicros: UInt64 = 0
    private var gains = [Int](repeating: 24, count: 8)
    private var settings: [UInt8]?
    private var stream: GeneratedStream?
    private var streamCount = 0
    /// Device time of the first `b`, for the faults' moments.
    private var firstStartMicros: UInt64?
    private var unplugDone = false
    private var groundTruth: [GroundTruthEvent] = []

    public static let sampleRateHz = 250
    static let packetMicros: UInt64 = 4000

    public init(simulation: CytonSimulation) {
        self.simulation = simulation
    }

    public var isStreaming: Bool { stream != nil }
    public var clockStartMicros: UInt64 { 0 }

    /// True while the stall fault keeps the stream silent.
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

    /// When the next packet is due (nil when not streaming).
    public var nextEventMicros: UInt64? {
        stream.map { $0.startMicros + ($0.frames + 1) * Self.packetMicros }
    }

    /// The board boots: it prints its banner (the dongle passes it on).
    public mutating func powerOn(output: inout [UInt8]) {
        guard !simulation.faults.boardOff else { return }
        output += banner
    }

    /// Takes what the host wrote.
    public mutating func receive(_ bytes: ArraySlice<UInt8>, output: inout [UInt8]) {
        for byte in bytes { take(byte, output: &output) }
    }

    /// Runs the board until `micros`, sending the packets that come due.
    public mutating func advance(to micros: UInt64, output: inout [UInt8]) {
        while var running = stream, let due = nextEventMicros, due <= micros {
            clockMicros = due
            if let reset = simulation.faults.resetAt, running.seconds(at: due) >= reset {
                endStream()
                resetChannels()
                output += banner
                break
            }
            let index = running.frames
            let microvolts = running.nextFrame(averaging: GeneratedStream.generatorRateHz / Self.sampleRateHz)
            running.collectTruth(placement: simulation.placement, into: &groundTruth)
            stream = running
            if running.isStalled(simulation.faults.stall, at: due) { continue }
            output += packetBytes(sampleNumber: UInt8(truncatingIfNeeded: index), lipMicrovolts: microvolts, index: index)
        }
        clockMicros = max(clockMicros, micros)
    }

    private mutating func take(_ byte: UInt8, output: inout [UInt8]) {
        if simulation.faults.boardOff {
            output += Array("Failure: Communications timeout - Device failed to poll Host$$$".utf8)
            return
        }
        if var collected = settings {
            collected.append(byte)
            settings = collected
            if collected.count == 8 { applyChannelSettings(collected, output: &output) }
            return
        }
        switch byte {
        case UInt8(ascii: "v"):
            endStream()
            resetChannels()
            output += banner
        case UInt8(ascii: "d"):
            resetChannels()
            if stream == nil { output += Array("updating channel settings to default\n$$$".utf8) }
        case UInt8(ascii: "b") where stream == nil:
            streamCount += 1
            firstStartMicros = firstStartMicros ?? clockMicros
            stream = GeneratedStream(
                scenario: simulation.scenario, seed: simulation.seed &+ UInt64(streamCount - 1), number: streamCount,
                startMicros: clockMicros)
        case UInt8(ascii: "s"):
            endStream()
        case UInt8(ascii: "x"):
            settings = []
        default:
            break
        }
    }

    /// `x` then CHANNEL POWER GAIN INPUT BIAS SRB2 SRB1 then `X`: the gain digit 0 to 6 is
    /// 1, 2, 4, 6, 8, 12 or 24.
    private mutating func applyChannelSettings(_ collected: [UInt8], output: inout [UInt8]) {
        settings = nil
        let channel = Int(collected[0]) - Int(UInt8(ascii: "0"))
        let gainCode = Int(collected[2]) - Int(UInt8(ascii: "0"))
        let gainTable = [1, 2, 4, 6, 8, 12, 24]
        guard collected[7] == UInt8(ascii: "X"), (1...8).contains(channel), gainTable.indices.contains(gainCode) else {
            if stream == nil { output += Array("Failure: too few chars$$$".utf8) }
            return
        }
        gains[channel - 1] = gainTable[gainCode]
        if stream == nil { output += Array("Success: Channel set for \(channel)\n$$$".utf8) }
    }

    /// Ends the stream, if any: the truth of an event under way is cut at its last sample.
    private mutating func endStream() {
        stream?.finish(placement: simulation.placement, into: &groundTruth)
        stream = nil
    }

    private mutating func resetChannels() {
        gains = [Int](repeating: 24, count: 8)
        settings = nil
    }

    private var banner: [UInt8] {
        Array(
            ("OpenBCI V3 8-16 channel\nOn Board ADS1299 Device ID: 0x3E\nLIS3DH Device ID: 0x33\n"
                + "Firmware: \(simulation.firmware)\n$$$").utf8)
    }

    /// The next packet's bytes: header, sample number, eight 24-bit channels, the
    /// accelerometer or zeros, footer; with the faults that touch it.
    private func packetBytes(sampleNumber: UInt8, lipMicrovolts: Double, index: UInt64) -> [UInt8] {
        var bytes: [UInt8] = [0xA0, sampleNumber]
        for channel in 1...8 {
            let counts: Int32
            if channel == simulation.lipChannel {
                let perCount = 4.5 / Double(gains[channel - 1]) / 8_388_607 * 1e6
                counts = Int32(max(-8_388_608, min(8_388_607, (lipMicrovolts / perCount).rounded())))
            } else {
                counts = 0
            }
            let raw = UInt32(bitPattern: counts)
            bytes += [UInt8(truncatingIfNeeded: raw >> 16), UInt8(truncatingIfNeeded: raw >> 8), UInt8(truncatingIfNeeded: raw)]
        }
        // The LIS3DH's new values come at 25 Hz; 1 g is 8000 counts (0.002 g / 16 each).
        let z: Int16 = index % 10 == 0 ? 8000 : 0
        bytes += [0, 0, 0, 0, UInt8(truncatingIfNeeded: UInt16(bitPattern: z) >> 8), UInt8(truncatingIfNeeded: z)]
        let faults = simulation.faults
        let wrongFooter = faults.wrongFooterEveryPackets.map { index % UInt64($0) == UInt64($0 - 1) } ?? false
        bytes.append(wrongFooter ? 0xB7 : 0xC0)
        if let every = faults.lostByteEveryPackets, index % UInt64(every) == UInt64(every - 1) {
            bytes.remove(at: 17)
        }
        return bytes
    }
}
