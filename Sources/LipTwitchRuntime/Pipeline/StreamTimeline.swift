import LipTwitchLink

/// Where the samples of one stream lie in host time: the timing of recent batches, so that
/// a sample index (a marker's, a detection's) can be placed after its batch has gone by.
/// Keeps the batches of the last `retainedSamples` samples (ten minutes at 2 kHz by
/// default); older indices are placed from the oldest batch kept.
struct StreamTimeline: Sendable {
    private struct Anchor: Sendable {
        var streamIndex: UInt64
        var timing: BatchTiming
    }

    private var anchors: [Anchor] = []
    /// Anchors before this position are forgotten (removed in bulk, now and then).
    private var head = 0
    let retainedSamples: UInt64

    init(retainedSamples: UInt64 = 1_200_000) {
        self.retainedSamples = retainedSamples
    }

    /// Notes a batch's timing.
    mutating func append(_ timing: BatchTiming) {
        anchors.append(Anchor(streamIndex: timing.streamIndex, timing: timing))
        while head < anchors.count - 1, timing.streamIndex - anchors[head + 1].streamIndex >= retainedSamples {
            head += 1
        }
        if head > 4096, head * 2 > anchors.count {
            anchors.removeFirst(head)
            head = 0
        }
    }

    /// Host time of the sample at `streamIndex`; nil before the first batch.
    func time(ofStreamIndex streamIndex: UInt64) -> HostTime? {
        guard head < anchors.count else { return nil }
        var low = head
        var high = anchors.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if anchors[middle].streamIndex <= streamIndex { low = middle } else { high = middle - 1 }
        }
        let anchor = anchors[low]
        let offset = Double(Int64(bitPattern: streamIndex &- anchor.streamIndex)) * anchor.timing.samplePeriodNanoseconds
        return anchor.timing.firstSampleTime + .nanoseconds(Int64(offset.rounded()))
    }

    /// Device time (µs, unwrapped) of the sample at `streamIndex`, at `sampleRateHz`; nil
    /// before the first batch.
    func deviceMicros(ofStreamIndex streamIndex: UInt64, sampleRateHz: Int) -> Int64? {
        guard let anchor = anchors.last else { return nil }
        let samples = Int64(bitPattern: streamIndex &- anchor.streamIndex)
        return anchor.timing.deviceMicros + samples * 1_000_000 / Int64(max(1, sampleRateHz))
    }
}
