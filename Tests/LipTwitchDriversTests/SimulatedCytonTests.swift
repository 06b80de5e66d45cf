import LipTwitchDrivers
import LipTwitchSimulator
import Testing

/// The simulated Cyton, read back by `CytonStreamDecoder`: commands, packets at 250 Hz,
/// and each fault as the decoder sees it.
@Suite struct SimulatedCytonTests {
    /// What the board says to `commands` and in `seconds` of streaming after them.
    static func run(_ simulation: CytonSimulation = CytonSimulation(), commands: String = "vdb", seconds: Double = 1)
        -> (events: [CytonEvent], counters: CytonCounters)
    {
        var cyton = SimulatedCyton(simulation: simulation)
        var bytes: [UInt8] = []
        cyton.powerOn(output: &bytes)
        cyton.receive(Array(commands.utf8)[...], output: &bytes)
        cyton.advance(to: UInt64(seconds * 1e6), output: &bytes)
        var decoder = CytonStreamDecoder()
        var input = bytes[...]
        var events: [CytonEvent] = []
        while let event = decoder.decode(&input) { events.append(event) }
        return (events, decoder.counters)
    }

    static func packets(_ events: [CytonEvent]) -> [CytonPacket] {
        events.compactMap { if case .packet(let packet) = $0 { packet } else { nil } }
    }

    @Test func itBootsResetsRestoresDefaultsAndStreamsAt250Hz() {
        let (events, counters) = Self.run()
        let replies = events.compactMap { if case .reply(let reply) = $0 { reply } else { nil } }
        #expect(replies == [.banner(firmware: "v3.1.2", daisy: false), .banner(firmware: "v3.1.2", daisy: false), .defaultsRestored])
        let packets = Self.packets(events)
        #expect(packets.count == 250)
        #expect(packets.map(\.sampleNumber) == (0..<250).map { UInt8($0) })
        #expect(counters.bytesDiscarded == 0 && counters.sampleGaps == 0)
        #expect(packets.allSatisfy { $0.channels.count == 8 && $0.channels[1...].allSatisfy { $0 == 0 } })
        #expect(packets.contains { $0.channels[0] != 0 }, "the lip's signal is on channel 1")
        #expect(packets.filter { $0.accelerometer?[2] == 8000 }.count == 25, "the accelerometer at 25 Hz")
    }

    @Test func theGainSetByXScalesTheCounts() {
        var simulation = CytonSimulation()
        simulation.seed = 3
        let atDefault = Self.packets(Self.run(simulation).events).map(\.channels[0])
        // Channel 1, powered, gain code 1 (2), normal input, in bias, SRB2 on, SRB1 off.
        let (events, _) = Self.run(simulation, commands: "vdx1010110Xb")
        #expect(events.contains(.reply(.channelSet(1))))
        let atGain2 = Self.packets(events).map(\.channels[0])
        // Gain 2 instead of 24: twelve times more µV per count, twelve times fewer counts.
        let ratios = zip(atDefault, atGain2).filter { abs($0.1) > 200 }.map { Double($0.0) / Double($0.1) }
        #expect(!ratios.isEmpty && ratios.allSatisfy { abs($0 - 12) < 0.1 })
    }

    @Test func stopSilencesItAndStartCountsFromZeroAgain() {
        var cyton = SimulatedCyton(simulation: CytonSimulation())
        var bytes: [UInt8] = []
        cyton.receive(Array("b".utf8)[...], output: &bytes)
        cyton.advance(to: 100_000, output: &bytes)
        cyton.receive(Array("s".utf8)[...], output: &bytes)
        let afterStop = bytes.count
        cyton.advance(to: 200_000, output: &bytes)
        #expect(bytes.count == afterStop)
        cyton.receive(Array("b".utf8)[...], output: &bytes)
        cyton.advance(to: 300_000, output: &bytes)
        var decoder = CytonStreamDecoder()
        var input = bytes[...]
        var numbers: [UInt8] = []
        while let event = decoder.decode(&input) { if case .packet(let packet) = event { numbers.append(packet.sampleNumber) } }
        #expect(numbers == (0..<25).map { UInt8($0) } + (0..<25).map { UInt8($0) })
    }

    @Test func aLostByteAndAWrongFooterEachCostOneSample() {
        var simulation = CytonSimulation()
        simulation.faults.lostByteEveryPackets = 50
        simulation.faults.wrongFooterEveryPackets = 70
        let (events, counters) = Self.run(simulation, seconds: 2.1)
        let packets = Self.packets(events)
        // 525 packets sent: 10 lost a byte, 7 had a wrong footer (one of each both: packet 349).
        #expect(packets.count == 525 - 16)
        #expect(counters.lostSamples == 16)
        #expect(counters.resyncs == counters.sampleGaps)
    }

    @Test func aStallLosesItsSamplesAndTheCounterShowsThem() {
        var simulation = CytonSimulation()
        simulation.faults.stall = (at: 0.5, seconds: 0.2)
        let (events, counters) = Self.run(simulation)
        #expect(Self.packets(events).count == 200)
        #expect(events.contains(.samplesLost(count: 50)))
        #expect(counters.lostSamples == 50)
    }

    @Test func aResetMidStreamPrintsTheBannerAndStops() {
        var simulation = CytonSimulation()
        simulation.faults.resetAt = 0.4
        let (events, _) = Self.run(simulation)
        #expect(Self.packets(events).count == 99)
        #expect(events.last == .reply(.banner(firmware: "v3.1.2", daisy: false)))
    }

    @Test func aBoardThatIsOffAnswersFailureThroughTheDongle() {
        var simulation = CytonSimulation()
        simulation.faults.boardOff = true
        let (events, _) = Self.run(simulation, commands: "v")
        #expect(events == [.reply(.failure("Communications timeout - Device failed to poll Host"))])
    }
}
