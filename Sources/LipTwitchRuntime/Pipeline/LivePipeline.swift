import LipTwitchLink
import LipTwitchSystem
import Synchronization

/// A `SensorPipeline` fed live by a `SensorLink`: its consumer plugs in as it is, and the records go to `sink`, in order, on the link's thread, with the host time of
/// the input that made them (what a replay of the capture gives them too).
///
/// ```swift
/// let pipeline = LivePipeline(configuration: PipelineConfiguration(anchor: .now(on: clock))) { records, at in ... }
/// let link = try SensorLink(consumer: pipeline.take)
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

    /// The link's consumer: what happened at the port, what each read said and the link's
    /// events become records.
    public func take(_ output: LinkOutput) {
        let time: HostTime
        switch output {
        case .port(_, let at), .event(_, let at): time = at
        case .decoded(let read): time = read.time
        case .samples, .status, .marker: return
        }
        run(at: time) { $0.handle(output, into: &$1) }
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
