import LipTwitchDetector
import LipTwitchProtocol
import LipTwitchSignals
import LipTwitchSimulator
import Testing

/// The simulated firmware answers as PROTOCOL.md sections 6 to 8 require.
@Suite struct SimulatedSensorTests {
    @Test func powerOnSendsALoneDelimiter() {
        var sensor = SimulatedSensor(configuration: SimulatorConfiguration())
        var output: [UInt8] = []
        sensor.powerOn(output: &output)
        #expect(output == [0])
        #expect(!sensor.isStreaming)
    }

    @Test func identifyIsAnsweredWithTheIdentity() {
        var link = SensorHarness()
        let messages = link.send(.identify(hostMaxVersion: 1)).messages
        guard case .identity(let identity) = messages.first else {
            Issue.record("no identity in \(messages)")
            return
        }
        #expect(identity.serialNumber == "LT-SIM-0001")
        #expect(identity.sampleRateHz == 2000)
        #expect(identity.maxBatch == 16)
        #expect(identity.channels.map(\.placement) == [.upperLeft, .upperRight])
        #expect(identity.protocolMajor == 1)
    }

    @Test func startIsAcknowledgedThenBatchesFlowInDeviceTime() {
        var link = SensorHarness { $0.clockStartMicros = 1_000 }
        let ack = link.send(.start).messages
        #expect(ack == [.ack(CommandAck(commandType: 0x82, commandSequence: 0))])
        #expect(link.sensor.isStreaming)
        let batches = link.advance(to: 100).batches
        #expect(batches.count == 12, "batches whose last sample was taken by 100 ms")
        let indices: [UInt32] = (0..<12).map { UInt32($0 * 16) }
        let stamps: [UInt32] = (0..<12).map { UInt32(1_000 + $0 * 8_000) }
        #expect(batches.map(\.firstSampleIndex) == indices)
        #expect(batches.map(\.timestampMicros) == stamps)
        #expect(batches.allSatisfy { $0.sampleCount == 16 && $0.channelCount == 2 })
    }

    @Test func aStatusComesEverySecondWhileStreaming() {
        var link = SensorHarness()
        _ = link.send(.start)
        var statuses: [DeviceStatus] = []
        for second in 1...3 {
            statuses += link.advance(to: UInt64(second) * 1000).statuses
            _ = link.send(.ping(nonce: UInt32(second)))
        }
        #expect(statuses.map(\.timestampMicros) == [1_000_000, 2_000_000, 3_000_000])
        #expect(statuses.allSatisfy { $0.overrunCount == 0 })
    }

    @Test func startAndStopAreIdempotent() {
        var link = SensorHarness()
        _ = link.send(.start)
        _ = link.advance(to: 50)
        #expect(link.send(.start).messages == [.ack(CommandAck(commandType: 0x82, commandSequence: 1))])
        #expect(link.advance(to: 60).batches.first?.firstSampleIndex == 96, "a second START does not restart")
        #expect(link.send(.stop).messages == [.ack(CommandAck(commandType: 0x83, commandSequence: 2))])
        #expect(link.advance(to: 500).isEmpty)
        #expect(link.send(.stop).messages == [.ack(CommandAck(commandType: 0x83, commandSequence: 3))])
        _ = link.send(.start)
        #expect(link.advance(to: 520).batches.first?.firstSampleIndex == 0, "START after STOP counts from 0")
    }

    @Test func setRateIsRefusedWhileStreamingAndOutOfRange() {
        var link = SensorHarness()
        _ = link.send(.start)
        #expect(link.send(.setSampleRate(1000)).messages
            == [.error(CommandError(commandType: 0x84, commandSequence: 1, code: .invalidState))])
        _ = link.send(.stop)
        for rate: UInt16 in [0, 4001] {
            #expect(link.send(.setSampleRate(rate)).messages
                == [.error(CommandError(commandType: 0x84, commandSequence: link.lastSequence, code: .unsupportedValue))])
        }
        #expect(link.send(.setSampleRate(1000)).messages
            == [.ack(CommandAck(commandType: 0x84, commandSequence: link.lastSequence))])
        #expect(link.sensor.identity.sampleRateHz == 1000)
        #expect(link.sensor.identity.maxBatch == 8)
        _ = link.send(.start)
        let batches = link.advance(to: 100).batches
        #expect(batches.first?.sampleCount == 8)
        #expect(batches.dropFirst().first?.timestampMicros == 8_000)
    }

    @Test func pingIsAnsweredWithItsNonceAndTheDeviceTime() {
        var link = SensorHarness()
        _ = link.advance(to: 1234)
        #expect(link.send(.ping(nonce: 0xDEAD_BEEF)).messages
            == [.pong(Pong(nonce: 0xDEAD_BEEF, timestampMicros: 1_234_000))])
    }

    @Test func badCommandsGetTheirErrorCodes() {
        var link = SensorHarness()
        var frame: [UInt8] = []
        FrameEncoder.encodeFrame(typeCode: 0x86, sequence: 40, payload: [], into: &frame)
        #expect(link.feed(frame).messages == [.error(CommandError(commandType: 0x86, commandSequence: 40, code: .unknownCommand))])
        frame = []
        FrameEncoder.encodeFrame(typeCode: 0x81, sequence: 41, payload: [], into: &frame)
        #expect(link.feed(frame).messages == [.error(CommandError(commandType: 0x81, commandSequence: 41, code: .malformed))])
        frame = []
        FrameEncoder.encodeFrame(typeCode: 0x81, sequence: 42, payload: [0], into: &frame)
        #expect(link.feed(frame).messages
            == [.error(CommandError(commandType: 0x81, commandSequence: 42, code: .unsupportedValue))])
        frame = []
        FrameEncoder.encodeFrame(version: 2, typeCode: 0x82, sequence: 43, payload: [], into: &frame)
        #expect(link.feed(frame).messages
            == [.error(CommandError(commandType: 0x82, commandSequence: 43, code: .unsupportedVersion))])
        frame = []
        FrameEncoder.encodeFrame(typeCode: 0x82, sequence: 44, payload: [], into: &frame)
        frame[3] ^= 0x10
        #expect(link.feed(frame).isEmpty, "a damaged frame gets no answer")
        #expect(!link.sensor.isStreaming)
    }

    @Test func withoutAHeartbeatTheSensorStopsAfterFiveSeconds() {
        var link = SensorHarness()
        _ = link.send(.start)
        _ = link.advance(to: 4_990)
        #expect(link.sensor.isStreaming)
        _ = link.advance(to: 5_010)
        #expect(!link.sensor.isStreaming)
        #expect(link.advance(to: 6_000).batches.isEmpty)
    }

    @Test func aHeartbeatKeepsItStreaming() {
        var link = SensorHarness()
        _ = link.send(.start)
        for second in 1...10 {
            _ = link.advance(to: UInt64(second) * 1000)
            _ = link.send(.ping(nonce: 0))
        }
        #expect(link.sensor.isStreaming)
    }

    @Test func aNewerSensorAnswersIdentifyInItsOwnMajorAndRefusesTheRest() {
        var link = SensorHarness { $0.protocolMajor = 2 }
        #expect(link.send(.stop) == [.frameError(.unsupportedVersion(2))])
        #expect(link.send(.identify(hostMaxVersion: 1)) == [.frameError(.unsupportedVersion(2))])
        var raw = SimulatedSensor(configuration: link.sensor.configuration)
        var bytes: [UInt8] = []
        FrameEncoder.encodeFrame(typeCode: 0x81, sequence: 0, payload: [1], into: &bytes)
        var output: [UInt8] = []
        raw.receive(bytes[...], output: &output)
        var frames = FrameDecoder()
        var input = output[...]
        guard case .success(let frame) = frames.decode(&input) else {
            Issue.record("no intact frame")
            return
        }
        #expect(frame.version == 2)
        #expect(frame.typeCode == MessageType.identity.rawValue)
        #expect(frame.payload.first == 2, "protocol_major in the payload")
    }

    @Test func aStallSilencesTheSensorThenItCarriesOn() {
        var link = SensorHarness { $0.faults.stall = FaultInjection.Stall(after: 1, duration: 0.5) }
        _ = link.send(.start)
        let before = link.advance(to: 1000)
        #expect(before.batches.last?.firstSampleIndex == 1984, "the batch of samples 1984...1999 ends at 999.5 ms")
        _ = link.advance(to: 1200)
        #expect(link.send(.ping(nonce: 1)).isEmpty, "deaf while stalled")
        #expect(link.advance(to: 1499).isEmpty)
        let after = link.advance(to: 2100)
        #expect(after.contains { if case .sequenceGap = $0 { true } else { false } } == false,
                "nothing was sent during the stall, so no frame number was skipped")
        #expect(after.batches.first?.firstSampleIndex == 2992, "the first batch that ends after 1.5 s; the ones before are lost")
        #expect(after.statuses.last?.overrunCount ?? 0 > 0)
    }

    @Test func theUnplugComesDueWhenConfigured() {
        var link = SensorHarness { $0.faults.disconnectAfter = 2 }
        #expect(!link.sensor.isUnplugDue)
        _ = link.send(.start)
        _ = link.advance(to: 1000)
        _ = link.send(.ping(nonce: 0))
        _ = link.advance(to: 1999)
        #expect(!link.sensor.isUnplugDue)
        #expect(link.sensor.nextEventMicros ?? 0 <= 2_000_000)
        _ = link.advance(to: 2000)
        #expect(link.sensor.isUnplugDue)
        link.sensor.unplugged()
        #expect(!link.sensor.isUnplugDue)
    }

    @Test func everyTwitchIsInTheGroundTruthAndMarked() {
        var link = SensorHarness()
        _ = link.send(.start)
        var markers: [UserMarker] = []
        for second in 1...20 {
            markers += link.advance(to: UInt64(second) * 1000).messages.compactMap {
                if case .marker(let marker) = $0 { marker } else { nil }
            }
            _ = link.send(.ping(nonce: 0))
        }
        _ = link.send(.stop)
        let truth = link.sensor.takeGroundTruth()
        let twitches = truth.filter { $0.event.kind == .twitch }
        #expect(twitches.count >= 3, "the demo scenario twitches every few seconds")
        #expect(twitches.first.map { $0.deviceMicros <= 3_000_000 } == true, "the first twitch within 3 s")
        #expect(truth.allSatisfy { $0.stream == 1 && $0.deviceMicros == UInt64($0.sampleIndex) * 500 })
        #expect(truth.allSatisfy { $0.endDeviceMicros == UInt64($0.event.offsetSample) * 500 })
        #expect(twitches.allSatisfy { twitch in twitch.event.channel.map { [Placement.upperLeft, .upperRight][$0] } == twitch.placement })
        #expect(markers.map(\.sampleIndex) == twitches.map(\.sampleIndex), "one marker at each twitch onset")
        #expect(link.sensor.takeGroundTruth().isEmpty, "taken once")
    }

    @Test func theGroundTruthIsTheGeneratorsTruth() {
        var link = SensorHarness { $0.scenario = .mixed; $0.seed = 5 }
        _ = link.send(.start)
        for second in 1...30 {
            _ = link.advance(to: UInt64(second) * 1000)
            _ = link.send(.ping(nonce: 0))
        }
        let simulated = link.sensor.takeGroundTruth().map(\.event)
        var generator = ScenarioGenerator(scenario: .mixed, seed: 5, sampleRateHz: 2000, emgChannelCount: 2)
        var values: [Float] = [], quality: [SampleQuality] = [], expected: [TruthEvent] = []
        generator.generate(sampleCount: 30 * 2000, values: &values, quality: &quality)
        generator.takeTruth(into: &expected)
        #expect(!simulated.isEmpty)
        #expect(simulated == expected)
    }

    @Test func leadOffAndSaturationShowInStatusAndBatchFlags() throws {
        var link = SensorHarness { $0.scenario = .leadOff; $0.seed = 3 }
        _ = link.send(.start)
        var statuses: [DeviceStatus] = []
        var batches: [SampleBatch] = []
        for second in 1...60 {
            let events = link.advance(to: UInt64(second) * 1000)
            statuses += events.statuses
            batches += events.batches
            _ = link.send(.ping(nonce: 0))
        }
        let truth = link.sensor.takeGroundTruth()
        let spells = truth.filter { $0.event.kind == .leadOff }
        try #require(!spells.isEmpty, "seed 3 of lead-off has a lead-off spell in a minute")
        for spell in spells {
            let channel = UInt8(1) << UInt8(spell.event.channel ?? 0)
            #expect(statuses.contains {
                $0.leadOffMask & channel != 0 && UInt64($0.timestampMicros) >= spell.deviceMicros
                    && UInt64($0.timestampMicros) <= spell.endDeviceMicros + 8_000
            }, "a STATUS during the spell says the electrode is off")
            #expect(batches.contains {
                $0.flags.contains(.leadOff) && UInt64($0.timestampMicros) + 8_000 > spell.deviceMicros
                    && UInt64($0.timestampMicros) <= spell.endDeviceMicros
            })
        }
        #expect(statuses.last?.leadOffMask == 0 || spells.last.map { $0.endDeviceMicros > 59_000_000 } == true)
        #expect(batches.contains { $0.flags.contains(.saturation) } == truth.contains { $0.event.kind == .saturation })
    }

    @Test func anAccelerometerScenarioMakesAnAccelerometer() {
        var link = SensorHarness { $0.scenario = .accelerometer; $0.sampleRateHz = 500 }
        guard case .identity(let identity) = link.send(.identify(hostMaxVersion: 1)).messages.first else {
            Issue.record("no identity")
            return
        }
        #expect(identity.sensorKind == .accelerometer)
        #expect(identity.channels.map(\.axis) == [.x, .y, .z])
        #expect(identity.channels.allSatisfy { $0.scale == 1.0 / 4096 })
        #expect(identity.maxBatch == 4)
        _ = link.send(.start)
        let batches = link.advance(to: 500).batches
        #expect(batches.allSatisfy { $0.channelCount == 3 })
        let gravity = batches.flatMap { batch in
            (0..<batch.sampleCount).map { sample in
                (0..<3).map { Double(batch.values[sample * 3 + $0]) / 4096 }.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
        }
        #expect(!gravity.isEmpty && gravity.allSatisfy { abs($0 - 1) < 0.3 }, "at rest the triad reads 1 g")
    }

    @Test func int24SamplesCarryTheSameSignalIn256TimesFinerCounts() throws {
        func session(_ format: SampleFormat) -> (scale: Float, batches: [SampleBatch])? {
            var link = SensorHarness { $0.sampleFormat = format }
            guard case .identity(let identity) = link.send(.identify(hostMaxVersion: 1)).messages.first else { return nil }
            #expect(identity.sampleFormat == format)
            _ = link.send(.start)
            return (identity.channels[0].scale, link.advance(to: 3000).batches)
        }
        let narrow = try #require(session(.int16))
        let wide = try #require(session(.int24))
        #expect(wide.scale == narrow.scale / 256)
        #expect(wide.batches.allSatisfy { $0.format == .int24 })
        let narrowValues = narrow.batches.flatMap(\.values)
        let wideValues = wide.batches.flatMap(\.values)
        #expect(narrowValues.count == wideValues.count && narrowValues.count > 10_000)
        #expect(zip(narrowValues, wideValues).allSatisfy { count16, count24 in
            abs(Float(count16) * narrow.scale - Float(count24) * wide.scale) <= narrow.scale
        }, "the same microvolts, to within an int16 count")
    }

    @Test func theSameSeedGivesTheSameBytes() {
        func session() -> [UInt8] {
            var sensor = SimulatedSensor(configuration: SimulatorConfiguration())
            var host = FrameEncoder()
            var output: [UInt8] = []
            var command: [UInt8] = []
            host.encode(HostCommand.start, into: &command)
            sensor.receive(command[...], output: &output)
            sensor.advance(to: 3_000_000, output: &output)
            return output
        }
        #expect(session() == session())
    }

    @Test func theDeviceClockWrapsOnTheWire() {
        var link = SensorHarness { $0.clockStartMicros = (1 << 32) - 20_000 }
        _ = link.send(.start)
        let stamps = link.advance(to: 40).batches.map(\.timestampMicros)
        #expect(stamps == [UInt32.max - 19_999, UInt32.max - 11_999, UInt32.max - 3_999, 4_000, 12_000])
    }
}
