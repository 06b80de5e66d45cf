import LipTwitchJournal
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime
import LipTwitchSimulator
import Testing
import TestSupport

/// The live path of `SensorPipeline`: a `SensorLink` to the virtual sensor through a real
/// pseudo-terminal, its tap feeding a pipeline, and the same taps fed again as a replay.
@Suite struct SensorLinkTapTests {
    @Test func thePipelineOnTheTapSeesWhatTheLinkDeliveredAndReplaysIdentically() throws {
        let sensor = try VirtualSensor(configuration: SimulatorConfiguration())
        let taps = try Recorder<Tapped>()
        let outputs = try Recorder<LinkOutput>()
        let link = try SensorLink(tap: { taps.record(Tapped(activity: $0, at: $1)) }, consumer: outputs.record)
        link.deliver(.appeared(SensorLocation(devicePath: try #require(sensor.devicePath))))
        #expect(outputs.wait { $0.batchCount(inStream: 1) >= 100 })
        link.stop()
        sensor.stop()

        let tapped = taps.all
        #expect(tapped.first.map { if case .opened = $0.activity { true } else { false } } == true)
        #expect(tapped.last?.activity == .closed)
        #expect(zip(tapped, tapped.dropFirst()).allSatisfy { $0.at <= $1.at }, "taps come in time order")

        let live = Self.pipe(tapped, events: outputs.all)
        let starts = live.records.compactMap { if case .streamStarted(let start) = $0 { start } else { nil } }
        #expect(starts.count == 1)
        #expect(starts.first?.identity.serialNumber == "LT-SIM-0001")
        // The link stops delivering at `stopping`; the pipeline takes the sensor's last
        // batches up to its ACK of STOP.
        let delivered = outputs.all.batches.count
        #expect(live.counters.batches >= delivered && live.counters.batches <= delivered + 10)
        #expect(live.counters.staleBatches == 0)
        #expect(live.records.contains { if case .link(.streaming, _) = $0 { true } else { false } })
        #expect(Self.pipe(tapped, events: outputs.all).records == live.records, "a replay gives what the live run gave")
    }

    /// One thing the tap saw.
    struct Tapped: Sendable {
        var activity: PortActivity
        var at: HostTime
    }

    /// The taps and the link's events, merged in time order (taps first at equal times),
    /// through a new pipeline.
    static func pipe(_ tapped: [Tapped], events outputs: [LinkOutput]) -> (records: [PipelineRecord], counters: PipelineCounters) {
        let anchor = WallClockAnchor(
            monotonic: tapped.first?.at ?? .zero, wall: LocalTime(epochMilliseconds: 0, utcOffsetMinutes: 0))
        var pipeline = SensorPipeline(configuration: PipelineConfiguration(anchor: anchor))
        var records: [PipelineRecord] = []
        var events = outputs.compactMap { if case .event(let event, let at) = $0 { (event, at) } else { nil } }[...]
        for tap in tapped {
            while let (event, at) = events.first, at < tap.at {
                pipeline.handle(event, at: at, into: &records)
                events = events.dropFirst()
            }
            pipeline.handle(tap.activity, at: tap.at, into: &records)
        }
        for (event, at) in events { pipeline.handle(event, at: at, into: &records) }
        pipeline.finish(at: tapped.last?.at ?? .zero, into: &records)
        return (records, pipeline.counters)
    }
}
