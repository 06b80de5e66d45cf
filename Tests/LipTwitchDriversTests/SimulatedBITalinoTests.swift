import LipTwitchDrivers
import LipTwitchProtocol
import LipTwitchSimulator
import Testing

/// The simulated BITalino, read back by `BITalinoStreamDecoder`: commands, frames at the
/// rate set, and each fault as the decoder sees it.
@Suite struct SimulatedBITalinoTests {
    /// What the board says to `commands` and in `seconds` of streaming after them, read
    /// with a decoder for `channels` channels.
    static func run(
        _ simulation: BITalinoSimulation = BITalinoSimulation(), commands: [UInt8] = [0x07, 0xC3, 0x05],
        seconds: Double = 1, channels: Int = 1
    ) -> (events: [BITalinoEvent], counters: DecoderCounters) {
        var board = SimulatedBITalino(simulation: simulation)
        var bytes: [UInt8] = []
        board.powerOn(output: &bytes)
        board.receive(commands[...], output: &bytes)
        board.advance(to: UInt64(seconds * 1e6), output: &bytes)
        var decoder = BITalinoStreamDecoder(channelCount: channels)
        var input = bytes[...]
        var events: [BITalinoEvent] = []
        while let event = decoder.decode(&input) { events.append(event) }
        return (events, decoder.counters)
    }

    static func frames(_ events: [BITalinoEvent]) -> [BITalinoFrame] {
        events.compactMap { if case .frame(let frame) = $0 { frame } else { nil } }
    }

    @Test func itAnswersItsVersionAndStreamsTheLipsInputAt1000Hz() {
        let (events, counters) = Self.run()
        #expect(events.first == .version("BITalino_v5.1"))
        let frames = Self.frames(events)
        #expect(frames.count == 1000)
        #expect(frames.map(\.sequence) == (0..<1000).map { UInt8($0 & 0x0F) })
        #expect(counters.bytesDiscarded == 0 && counters.sequenceGaps == 0 && counters.crcFailures == 0)
        #expect(Set(frames.map { $0.analog[0] }).count > 20, "the lip's EMG moves around half scale")
        let mean = Double(frames.map { $0.analog[0] }.reduce(0, +)) / Double(frames.count)
        #expect(abs(mean - 512) < 3, "the sensor is AC-coupled: the electrodes' standing potential never reaches the ADC")
        #expect(frames.allSatisfy { (1...1022).contains($0.analog[0]) }, "the demo's EMG fits ±1.64 mV")
    }

    @Test func theRateCommandAndTheChannelMaskShapeTheFrames() {
        // 100 Hz (0x83), then A2, A3 and A5 (mask 0b010110 << 2 | 1), the lip on A3.
        var simulation = BITalinoSimulation()
        simulation.lipChannel = 3
        let (events, counters) = Self.run(simulation, commands: [0x83, 0b0101_1001], channels: 3)
        let frames = Self.frames(events)
        #expect(frames.count == 100)
        #expect(counters.bytesDiscarded == 0)
        // A5 is the third channel acquired: the third slot, 10 bits like the first four.
        #expect(frames.allSatisfy { $0.analog[0] == 512 && $0.analog[2] == 512 }, "A2 and A5 read half scale")
        #expect(Set(frames.map { $0.analog[1] }).count > 5, "A3 carries the lip")
    }

    @Test func stopSilencesItAndTheNextStartCountsFromZero() {
        var board = SimulatedBITalino(simulation: BITalinoSimulation())
        var bytes: [UInt8] = []
        board.receive([0x05][...], output: &bytes)
        board.advance(to: 10_000, output: &bytes)
        board.receive([0x00][...], output: &bytes)
        let afterStop = bytes.count
        board.advance(to: 20_000, output: &bytes)
        #expect(bytes.count == afterStop && afterStop == 30)
        board.receive([0x07, 0x05][...], output: &bytes)
        board.advance(to: 30_000, output: &bytes)
        var decoder = BITalinoStreamDecoder(channelCount: 1)
        var input = bytes[...]
        var sequences: [UInt8] = []
        while let event = decoder.decode(&input) { if case .frame(let frame) = event { sequences.append(frame.sequence) } }
        #expect(sequences == (0..<10).map { UInt8($0) } + (0..<10).map { UInt8($0) })
    }

    @Test func aLostByteAndABadCRCEachCostTheirFrame() {
        var simulation = BITalinoSimulation()
        simulation.faults.lostByteEveryFrames = 100
        simulation.faults.badCRCEveryFrames = 70
        let (events, counters) = Self.run(simulation, seconds: 1.002)
        // 1002 frames: 10 lost a byte, 14 had a bad CRC (frame 699 both).
        #expect(Self.frames(events).count == 1002 - 23)
        #expect(counters.lostFrames == 23 && counters.resyncs == 23)
        #expect(counters.crcFailures >= 14, "a flipped bit always fails the CRC; a lost byte nearly always")
    }

    @Test func aStallLosesItsFramesAndTheSequenceNumberShowsThemModulo16() {
        var simulation = BITalinoSimulation()
        simulation.faults.stall = (at: 0.5, seconds: 0.005)
        let (events, counters) = Self.run(simulation)
        #expect(Self.frames(events).count == 995)
        #expect(events.contains(.framesLost(count: 5)))
        #expect(counters.lostFrames == 5)
    }

    @Test func aResetMidStreamLeavesItIdleAndSilent() {
        var simulation = BITalinoSimulation()
        simulation.faults.resetAt = 0.4
        var board = SimulatedBITalino(simulation: simulation)
        var bytes: [UInt8] = []
        board.receive([0x05][...], output: &bytes)
        board.advance(to: 1_000_000, output: &bytes)
        #expect(bytes.count == 399 * 3 && !board.isStreaming)
    }
}
