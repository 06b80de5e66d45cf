import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime

/// What a `SensorLink` reported, as tests ask about it.
extension Array where Element == LinkOutput {
    /// The link events, in order.
    public var events: [LinkEvent] {
        compactMap { if case .event(let event, _) = $0 { event } else { nil } }
    }

    /// The sample batches with their timing, in order.
    public var batches: [(batch: SampleBatch, timing: BatchTiming)] {
        compactMap { if case .samples(let batch, let timing) = $0 { (batch, timing) } else { nil } }
    }

    /// How many streams have started.
    public var streamsStarted: Int {
        events.filter { if case .streaming = $0 { true } else { false } }.count
    }

    /// Batches delivered after the `stream`-th stream started (1-based).
    public func batchCount(inStream stream: Int) -> Int {
        var current = 0
        var count = 0
        for output in self {
            switch output {
            case .event(.streaming, _): current += 1
            case .samples where current == stream: count += 1
            default: break
            }
        }
        return count
    }

    /// True when an event of this name was reported.
    public func has(_ name: String) -> Bool {
        events.contains { $0.name == name }
    }
}
