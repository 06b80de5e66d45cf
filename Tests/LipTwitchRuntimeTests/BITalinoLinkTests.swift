import LipTwitchDrivers
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem
import Testing
import TestSupport

/// The link with the BITalino driver against the simulated board, through a real
/// pseudo-terminal at 115200 baud: the same state machine, decoder seam and clock as for
/// LipTwitch's own sensor. Each test waits for the events it expects.
@Suite struct BITalinoLinkTests {
    static func bench(lipChannel: Int = 1, _ configure: (inout BITalinoSimulation) -> Void = { _ in }) throws -> BoardBench {
        var simulation = BITalinoSimulation()
        simulation.lipChannel = lipChannel
        configure(&simulation)
        return try BoardBench(SimulatedBITalino(simulation: simulation), driver: .bitalino(BITalinoSettings(lipChannel: lipChannel)))
    }

    @Test func theHandshakeAsksTheVersionAndStreamsTheLipsInputAt1000Hz() throws {
        let bench = try Self.bench(lipChannel: 5)
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 1000 })
        let events = bench.outputs.all.events
        #expect(events.map(\.name).prefix(4) == ["opening", "opened", "identified", "streaming"])
        guard case .identified(let identity) = events[2] else { return }
        #expect(identity.sampleRateHz == 1000 && identity.channels.count == 1)
        #expect(identity.firmware == FirmwareVersion(major: 5, minor: 1, patch: 0))
        #expect(identity.channels[0].scale == Float(BITalinoScale.microvoltsPerEMGCode))
        let batches = bench.outputs.all.batches
        #expect(batches.first?.timing.continuity == .streamStart)
        #expect(batches.dropFirst().allSatisfy { $0.timing.continuity == .continuous }, "a clean link loses nothing")
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $1.timing.deviceMicros - $0.timing.deviceMicros == 1000 })
        #expect(batches.contains { $0.batch.values[0] != 0 }, "A5, acquired alone at 10 bits, carries the lip")
        #expect(bench.link.statistics.decoder.bytesDiscarded == 0)
        bench.link.stop()
        #expect(bench.outputs.all.events.suffix(2) == [.stopping, .stopped(.unconfirmable)])
        #expect(bench.boardEvents.wait { $0.contains(.streamingStopped) }, "the board was told to stop (0x00)")
        bench.board.stop()
    }

    @Test func aBadCRCAndALostByteEachCostAFrameCountedAsAGap() throws {
        let bench = try Self.bench {
            $0.faults.badCRCEveryFrames = 300
            $0.faults.lostByteEveryFrames = 700
        }
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 2000 })
        let gaps = bench.outputs.all.batches.filter { if case .gap = $0.timing.continuity { true } else { false } }
        #expect(gaps.count >= 8, "one frame in 300 has a bad CRC, one in 700 a lost byte")
        let decoder = bench.link.statistics.decoder
        #expect(decoder.crcFailures >= 6 && decoder.lostFrames >= 8 && decoder.resyncs >= 8)
        #expect(bench.outputs.all.streamsStarted == 1, "a bad frame is not a reason to shake hands again")
        bench.stop()
    }

    @Test func aBoardThatResetsGoesSilentAndIsShakenHandsWithAgain() throws {
        let bench = try Self.bench { $0.faults.resetAt = 1 }
        #expect(bench.outputs.wait { $0.streamsStarted >= 2 && $0.batchCount(inStream: 2) >= 200 })
        #expect(bench.outputs.all.has("stalled"))
        bench.stop()
    }

    @Test func aStallIsDetectedAndTheStreamRecovers() throws {
        let bench = try Self.bench { $0.faults.stall = (at: 1, seconds: 1) }
        #expect(bench.outputs.wait { $0.streamsStarted >= 2 && $0.batchCount(inStream: 2) >= 200 })
        #expect(bench.link.statistics.link.stalls >= 1)
        bench.stop()
    }
}
