import LipTwitchJournal
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime
import LipTwitchSimulator
import Testing
import TestSupport

/// The live path of `SensorPipeline`: a `SensorLink` to the virtual sensor through a real
/// pseudo-terminal, feeding a `LivePipeline`; then the same outputs, in the order they came,
/// through a new pipeline, as a replay does.
@Suite struct SensorLinkTapTests {
    @Test func aReplayOfTheLiveInputsGivesTheLiveRecords() throws {
        let anchor = WallClockAnchor.now(on: PinnedClock.at())
        let sensor = try VirtualSensor(configuration: SimulatorConfiguration())
        let records = try Recorder<PipelineRecord>()
        let outputs = try Recorder<LinkOutput>()
        let live = LivePipeline(configuration: PipelineConfiguration(anchor: anchor)) { made, _ in made.forEach(records.record) }
        let link = try SensorLink { output in
            outputs.record(output)
            live.take(output)
        }
        link.deliver(.appeared(SensorLocation(devicePath: try #require(sensor.devicePath))))
        #expect(outputs.wait { $0.batchCount(inStream: 1) >= 100 })
        link.stop()
        sensor.stop()
        let end = HostTime(nanoseconds: 1 << 62)
        live.finish(at: end)

        let port = outputs.all.compactMap { if case .port(let activity, let at) = $0 { (activity, at) } else { nil } }
        #expect(port.first.map { if case .opened = $0.0 { true } else { false } } == true)
        #expect(port.last?.0 == .closed)
        #expect(zip(port, port.dropFirst()).allSatisfy { $0.1 <= $1.1 }, "port activity comes in time order")
        #expect(
            zip(outputs.all, outputs.all.dropFirst()).allSatisfy { output, next in
                guard case .port(.read, _) = output else { return true }
                if case .decoded = next { return true } else { return false }
            }, "what a read said follows it")

        let starts = records.all.compactMap { if case .streamStarted(let start) = $0 { start } else { nil } }
        #expect(starts.count == 1)
        #expect(starts.first?.identity.serialNumber == "LT-SIM-0001")
        #expect(records.all.contains { if case .link(.streaming, _) = $0 { true } else { false } })
        // The link stops delivering at `stopping`; the pipeline takes the sensor's last
        // batches up to its ACK of STOP.
        let delivered = outputs.all.batches.count
        #expect(live.counters.batches >= delivered && live.counters.batches <= delivered + 10)
        #expect(live.counters.staleBatches == 0)

        var replay = SensorPipeline(configuration: PipelineConfiguration(anchor: anchor))
        var replayed: [PipelineRecord] = []
        for output in outputs.all { replay.handle(output, into: &replayed) }
        replay.finish(at: end, into: &replayed)
        #expect(replayed == records.all, "a replay gives what the live run gave")
    }
}

/// `LivePipeline` plugged into a `SensorLink` as docs/CAPTURE.md shows it.
@Suite struct LivePipelineTests {
    @Test func itPlugsIntoTheLinkAsItIs() throws {
        let sensor = try VirtualSensor(configuration: SimulatorConfiguration())
        let records = try Recorder<PipelineRecord>()
        let pipeline = LivePipeline(configuration: PipelineConfiguration(anchor: .now(on: PinnedClock.at()))) { made, _ in
            made.forEach(records.record)
        }
        let link = try SensorLink(consumer: pipeline.take)
        link.deliver(.appeared(SensorLocation(devicePath: try #require(sensor.devicePath))))
        #expect(records.wait { $0.contains { if case .level = $0 { true } else { false } } })
        link.stop()
        sensor.stop()
        pipeline.finish()
        let classes = records.all.map(\.className)
        #expect(classes.first == "link" && classes.contains("stream") && classes.last == "counters")
        #expect(pipeline.counters.streams == 1)
    }
}
