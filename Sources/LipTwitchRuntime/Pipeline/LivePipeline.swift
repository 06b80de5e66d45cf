import LipTwitchLink
import LipTwitchSystem
import Synchronization

/// A `SensorPipeline` fed live by a `SensorLink`: its tap and its consumer plug in as they
/// are, and the records go to `sink`, in order, on the link's thread, with the host time of
/// the input that made them (what a replay of the capture gives them too).
///
/// ```swift
/// let pipeline = LivePipeline(configuration: PipelineConfiguration(anchor: .now(on: clock))) { records, at in ... }
/// let link = try SensorLink(tap: pipeline.take, consumer: pipeline.take)
/// ...
/// link.stop()
/// pipeline.finish()   // the open stream ends, the last counters come out
/// ```
public final class LivePipeline: Sendable {
    private let pipeline: Mutex<SensorPipeline>
    private let sink: @Sendable ([PipelineRecord], HostTime) -> Void

    public init(
        configuration: PipelineConfiguration, sink: @escaping @Sendable (_ records: [PipelineRecord], _ at: HostTime) -> Void
    ) {
        pipeline = Mutex(SensorPipeline(configuration: configuration))
        self.sink = sink
    }

    /// The link's tap: what happened at the port.
    public func take(_ activity: PortActivity, at time: HostTime) {
        run(at: time) { $0.handle(activity, at: time, into: &$1) }
    }

    /// The link's consumer: its events become records (its samples, status and markers are
    /// the pipeline's own from the bytes).
    public func take(_ output: LinkOutput) {
        guard case .event(let event, let at) = output else { return }
        run(at: at) { $0.handle(event, at: at, into: &$1) }
    }

    /// The input is over (after `SensorLink.stop()`), at `time` (now by default).
    public func finish(at time: HostTime = HostTime(nanoseconds: MonotonicClock.nanoseconds())) {
        run(at: time) { $0.finish(at: time, into: &$1) }
    }

    /// Every count so far.
    public var counters: PipelineCounters {
        pipeline.withLock { $0.counters }
    }

    private func run(at time: HostTime, _ body: (inout SensorPipeline, inout [PipelineRecord]) -> Void) {
        let records = pipeline.withLock { pipeline in
            var records: [PipelineRecord] = []
            body(&pipeline, &records)
            return records
        }
        if !records.isEmpty { sink(records, time) }
    }
}
