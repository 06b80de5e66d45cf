import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem
import Testing
import TestSupport

/// The link driver against the virtual sensor, through real pseudo-terminals: every byte
/// crosses the kernel's tty layer, as it would from a USB sensor. Each test waits for the
/// events it expects (generous timeouts, no sleeps).
@Suite struct SensorLinkTests {
    /// A virtual sensor, a link to it and what the link reported.
    struct Bench {
        let sensor: VirtualSensor
        let sensorEvents: Recorder<VirtualSensorEvent>
        let outputs: Recorder<LinkOutput>
        let link: SensorLink

        init(
            _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
            options: VirtualSensorOptions = VirtualSensorOptions(),
            link linkConfiguration: LinkConfiguration = LinkConfiguration()
        ) throws {
            var configuration = SimulatorConfiguration()
            configure(&configuration)
            let sensorEvents = try Recorder<VirtualSensorEvent>()
            sensor = try VirtualSensor(configuration: configuration, options: options, events: sensorEvents.record)
            self.sensorEvents = sensorEvents
            let outputs = try Recorder<LinkOutput>()
            link = try SensorLink(configuration: linkConfiguration, consumer: outputs.record)
            self.outputs = outputs
        }

        /// Points the link at the sensor's current port, as `--device PATH` does.
        func connect() throws {
            link.deliver(.appeared(SensorLocation(devicePath: try #require(sensor.devicePath))))
        }

        func stop() {
            link.stop()
            sensor.stop()
        }
    }

    @Test func theHandshakeLeadsToAStreamAndStopTellsTheSensor() throws {
        let bench = try Bench()
        try bench.connect()
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 100 })
        let events = bench.outputs.all.events
        #expect(events.map(\.name).prefix(4) == ["opening", "opened", "identified", "streaming"])
        guard case .identified(let identity) = events[2] else { return }
        #expect(identity.serialNumber == "LT-SIM-0001")
        #expect(identity.sampleRateHz == 2000)
        let batches = bench.outputs.all.batches
        #expect(batches.first?.timing.continuity == .streamStart)
        #expect(batches.dropFirst().allSatisfy { $0.timing.continuity == .continuous }, "a clean link loses nothing")
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $1.timing.firstSampleTime > $0.timing.firstSampleTime })
        let statistics = bench.link.statistics
        #expect(statistics.phase == .streaming)
        #expect(statistics.decoder.crcFailures == 0)
        bench.link.stop()
        #expect(bench.outputs.all.events.suffix(2) == [.stopping, .stopped(.acknowledged)])
        #expect(bench.sensorEvents.wait { $0.contains(.streamingStopped) }, "the sensor was told to stop")
        bench.sensor.stop()
    }

    @Test func aConfiguredRateIsSetOnTheSensor() throws {
        let bench = try Bench(link: LinkConfiguration(sampleRateHz: 1000))
        try bench.connect()
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 20 })
        #expect(bench.outputs.all.events.contains(.rateChanged(from: 2000, to: 1000)))
        #expect(bench.outputs.all.batches.allSatisfy { $0.batch.sampleCount == 8 })
        let batches = bench.outputs.all.batches
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $1.timing.deviceMicros - $0.timing.deviceMicros == 8000 },
                "8 samples 1 ms apart on the sensor's clock")
        // On the host's clock 1 ms too; while the device clock slews back from a late first
        // batch (a loaded machine), samples are placed up to `slewRate` closer together.
        #expect(batches.last.map { abs($0.timing.samplePeriodNanoseconds - 1e6) <= 1e6 * DeviceClock.slewRate + 1e3 } == true)
        bench.stop()
    }

    @Test func anAccelerometerStreamsItsTriadThroughThePort() throws {
        let bench = try Bench {
            $0.scenario = .accelerometer
            $0.sampleRateHz = 500
        }
        try bench.connect()
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 50 })
        guard case .identified(let identity) = bench.outputs.all.events[2] else { return }
        #expect(identity.sensorKind == .accelerometer)
        #expect(identity.channels.map(\.axis) == [.x, .y, .z])
        let batches = bench.outputs.all.batches.map(\.batch)
        #expect(batches.allSatisfy { $0.channelCount == 3 && $0.sampleCount == 4 })
        let first = try #require(batches.first)
        let scale = Double(identity.channels[0].scale)
        let magnitude = (0..<3).map { Double(first.values[$0]) * scale }.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(magnitude - 1) < 0.3, "at rest the triad reads gravity, 1 g")
        bench.stop()
    }

    @Test func aStallIsDetectedAndTheStreamRecovers() throws {
        let bench = try Bench { $0.faults.stall = FaultInjection.Stall(after: 1, duration: 1) }
        try bench.connect()
        #expect(bench.outputs.wait { $0.streamsStarted >= 2 && $0.batchCount(inStream: 2) >= 10 })
        let events = bench.outputs.all.events
        let stall = try #require(events.firstIndex { $0.name == "stalled" })
        #expect(events[stall...].contains { $0.name == "streaming" })
        #expect(bench.sensorEvents.all.contains(.stallBegan))
        let statistics = bench.link.statistics
        #expect(statistics.link.stalls >= 1)
        #expect(statistics.link.reconnects >= 1)
        #expect(statistics.phase == .streaming)
        bench.stop()
    }

    @Test func aSensorUnpluggedMidFrameIsReconnectedWhenItComesBack() throws {
        let directory = try TemporaryDirectory()
        let bench = try Bench(options: VirtualSensorOptions(symlink: directory.path + "/sensor"))
        try bench.connect()
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 20 })
        bench.sensor.unplug()
        #expect(bench.sensorEvents.wait { $0.contains { if case .unplugged(_, midFrame: true) = $0 { true } else { false } } })
        #expect(bench.outputs.wait { $0.has("disconnected") })
        bench.sensor.plugIn()
        #expect(bench.outputs.wait { $0.streamsStarted >= 2 && $0.batchCount(inStream: 2) >= 20 })
        let disconnected = bench.outputs.all.events.first { $0.name == "disconnected" }
        guard case .disconnected(.hungUp(let detail), _) = disconnected else {
            Issue.record("no hang-up in \(bench.outputs.all.events)")
            return
        }
        #expect(["end of file", "hang-up (POLLHUP)", "input/output error (EIO)"].contains(detail))
        #expect(bench.link.statistics.link.disconnects == 1)
        bench.stop()
    }

    @Test func discoveryEventsTakeTheLinkAwayAndBack() throws {
        let bench = try Bench()
        try bench.connect()
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 10 })
        let firstPath = try #require(bench.sensor.devicePath)
        bench.sensor.unplug()
        #expect(bench.sensorEvents.wait { $0.contains { if case .unplugged = $0 { true } else { false } } })
        bench.link.deliver(.disappeared(devicePath: firstPath))
        #expect(bench.outputs.wait { $0.has("removed") })
        bench.sensor.plugIn()
        #expect(bench.sensorEvents.wait { $0.filter { if case .plugged = $0 { true } else { false } }.count == 2 })
        bench.link.deliver(.appeared(SensorLocation(devicePath: try #require(bench.sensor.devicePath))))
        #expect(bench.outputs.wait { $0.streamsStarted >= 2 && $0.batchCount(inStream: 2) >= 10 })
        bench.stop()
    }

    @Test func garbageIsCountedAndTheStreamCarriesOn() throws {
        let bench = try Bench { $0.faults = FaultInjection(garbage: 0.05, bitFlip: 0.05, drop: 0.02) }
        try bench.connect()
        #expect(bench.outputs.wait { $0.batches.count >= 400 })
        let statistics = bench.link.statistics
        #expect(statistics.decoder.bytesDiscarded > 0)
        #expect(statistics.decoder.crcFailures > 0)
        #expect(statistics.decoder.resyncs > 0)
        #expect(statistics.gaps > 0)
        #expect(statistics.missingSamples % 16 == 0, "gaps of whole batches")
        let gaps = bench.outputs.all.batches.compactMap { if case .gap(let gap) = $0.timing.continuity { gap } else { nil } }
        #expect(gaps.count == statistics.gaps)
        #expect(gaps.allSatisfy { $0.duration == .microseconds(Int64($0.samples) * 500) })
        bench.stop()
    }

    @Test func aSensorSpeakingANewerProtocolIsIncompatible() throws {
        let bench = try Bench { $0.protocolMajor = 2 }
        try bench.connect()
        #expect(bench.outputs.wait { $0.has("incompatible") })
        let event = bench.outputs.all.events.last { $0.name == "incompatible" }
        #expect(event?.sentence == "the sensor speaks protocol 2; this LipTwitch speaks protocol 1: update LipTwitch")
        #expect(bench.link.statistics.phase == .incompatible)
        #expect(!bench.sensorEvents.all.contains(.streamingStarted))
        bench.stop()
    }

    @Test func aBusyPortNamesItsHolderAndIsTakenOnceFree() throws {
        let bench = try Bench()
        let path = try #require(bench.sensor.devicePath)
        let holder = try SerialPort(path: path)
        try bench.connect()
        #expect(bench.outputs.wait { $0.has("open_failed") })
        guard case .openFailed(let failure, _) = bench.outputs.all.events.first(where: { $0.name == "open_failed" }) else {
            return
        }
        #expect(failure.kind == .busy)
        #expect(failure.message.contains("in use by \(ProcessFacts.command) (pid \(getpid()))"))
        holder.close()
        #expect(bench.outputs.wait { $0.batchCount(inStream: 1) >= 10 })
        bench.stop()
    }

    @Test func theDeviceClockWrapsWithoutAGapOrARestart() throws {
        let bench = try Bench { $0.clockStartMicros = (1 << 32) - 300_000 }
        try bench.connect()
        #expect(bench.outputs.wait { $0.batches.count >= 150 })
        let batches = bench.outputs.all.batches
        #expect(batches.contains { $0.batch.timestampMicros < 1_000_000 }, "the wire timestamp wrapped")
        #expect(batches.allSatisfy { !$0.timing.clockRestarted })
        #expect(batches.dropFirst().allSatisfy { $0.timing.continuity == .continuous })
        #expect(batches.last.map { $0.timing.deviceMicros > 1 << 32 } == true)
        bench.stop()
    }

    @Test func markersArePlacedInHostTime() throws {
        let bench = try Bench()
        try bench.connect()
        #expect(bench.outputs.wait(seconds: 30) { outputs in
            outputs.contains { if case .marker(_, at: .some) = $0 { true } else { false } }
        })
        bench.stop()
    }
}

import Glibc
