import LipTwitchDrivers
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem
import Testing
import TestSupport

/// The link with the OpenBCI Cyton's driver against the simulated board, through a real
/// pseudo-terminal at the dongle's 115200 baud: the same state machine, decoder seam and
/// clock as for LipTwitch's own sensor. Each test waits for the events it expects.
@Suite struct CytonLinkTests {
    static func bench(lipChannel: Int = 1, _ configure: (inout CytonSimulation) -> Void = { _ in }) throws -> BoardBench {
        var simulation = CytonSimulation()
        simulation.lipChannel = lipChannel
        configure(&simulation)
        return try BoardBench(SimulatedCyton(simulation: simulation), driver: .openBCICyton(CytonSettings(lipChannel: lipChannel)))
    }

    @Test func theHandshakeResetsTheBoardAndStreamsTheLipChannelAt250Hz() throws {
        let bench = try Self.bench(lipChannel: 3)
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 250 })
        let events = bench.outputs.all.events
        #expect(events.map(\.name).prefix(4) == ["opening", "opened", "identified", "streaming"])
        guard case .identified(let identity) = events[2] else { return }
        #expect(identity.sampleRateHz == 250)
        #expect(identity.channels.count == 1)
        #expect(identity.firmware == FirmwareVersion(major: 3, minor: 1, patch: 2))
        #expect(identity.channels[0].scale == Float(CytonScale.microvoltsPerCount(gain: 24)))
        let batches = bench.outputs.all.batches
        #expect(batches.first?.timing.continuity == .streamStart)
        #expect(batches.dropFirst().allSatisfy { $0.timing.continuity == .continuous }, "a clean radio loses nothing")
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $1.timing.deviceMicros - $0.timing.deviceMicros == 4000 })
        #expect(batches.contains { $0.batch.values[0] != 0 }, "channel 3 carries the lip; the others read 0")
        #expect(bench.link.statistics.decoder.bytesDiscarded == 0)
        bench.link.stop()
        #expect(bench.outputs.all.events.suffix(2) == [.stopping, .stopped(.unconfirmable)])
        #expect(bench.boardEvents.wait { $0.contains(.streamingStopped) }, "the board was told to stop (s)")
        bench.board.stop()
    }

    @Test func aLostByteCostsOneSampleCountedAsAGapAndTheDecoderFindsItsFeet() throws {
        let bench = try Self.bench { $0.faults.lostByteEveryPackets = 50 }
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 400 })
        let batches = bench.outputs.all.batches
        let gaps = batches.filter { if case .gap = $0.timing.continuity { true } else { false } }
        #expect(gaps.count >= 7, "one packet in 50 is cut short and dropped")
        let decoder = bench.link.statistics.decoder
        #expect(decoder.lostFrames >= 7)
        #expect(decoder.resyncs >= 7)
        #expect(decoder.bytesDiscarded >= 7 * 32)
        #expect(bench.outputs.all.streamsStarted == 1, "a lost byte is not a reason to shake hands again")
        bench.stop()
    }

    @Test func aBoardThatResetsItselfIsShakenHandsWithAgain() throws {
        let bench = try Self.bench { $0.faults.resetAt = 1 }
        #expect(bench.outputs.wait { $0.streamsStarted >= 2 && $0.batchCount(inStream: 2) >= 50 })
        #expect(bench.outputs.all.events.contains(.deviceRestarted))
        bench.stop()
    }

    @Test func aStalledRadioIsAStallAndTheStreamRecovers() throws {
        let bench = try Self.bench { $0.faults.stall = (at: 1, seconds: 1) }
        #expect(bench.outputs.wait { $0.streamsStarted >= 2 && $0.batchCount(inStream: 2) >= 50 })
        #expect(bench.outputs.all.has("stalled"))
        #expect(bench.link.statistics.link.stalls >= 1)
        bench.stop()
    }

    @Test func aBoardThatIsOffIsExplainedAndRetried() throws {
        let bench = try Self.bench { $0.faults.boardOff = true }
        #expect(bench.outputs.wait { $0.events.filter { $0.name == "handshake_failed" }.count >= 2 })
        let failure = bench.outputs.all.events.first { $0.name == "handshake_failed" }
        #expect(failure.map { $0.sentence.contains("switch the board on") } == true, "\(String(describing: failure))")
        #expect(bench.outputs.all.batches.isEmpty)
        bench.stop()
    }
}
