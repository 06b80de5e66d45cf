import LipTwitchLink

/// Where the samples of one stream lie in host time: the timing of recent batches, so that
/// a sample index (a marker's, a detection's) can be placed after its batch has gone by.
/// Keeps the batches of the last `retainedSamples` samples (ten minutes at 2 kHz by
/// default); older indices are placed from the oldest batch kept.
///
/// A batch is kept as the three numbers that place its samples (24 bytes: ten minutes of
/// 16-sample batches at 2 kHz is 75 000 of them, under 2 MB a stream).
struct StreamTimeline: Sendable {
    /// Sample `streamIndex + k` is at `firstSampleTime + k × samplePeriodNanoseconds`.
    private struct Anchor: Sendable {
        var streamIndex: UInt64
        var firstSampleTime: HostTime
        var samplePeriodNanoseconds: Double
    }

    private var anchors: [Anchor] = []
    /// Anchors before this position are forgotten (removed in bulk, now and then).
    private var head = 0
    /// The last batch's first sample: its index and device time (µs, unwrapped).
    private var lastDevice: (streamIndex: UInt64, micros: Int64)?
    let retainedSamples: UInt64

    init(retainedSamples: UInt64 = 1_200_000) {
        self.retainedSamples = retainedSamples
    }

    /// Notes a batch's timing.
    mutating func append(_ timing: BatchTiming) {
        anchors.append(
            Anchor(
                streamIndex: timing.streamIndex, firstSampleTime: timing.firstSampleTime,
                samplePeriodNanoseconds: timing.samplePeriodNanoseconds))
        lastDevice = (timing.streamIndex, timing.deviceMicros)
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
        let offset = Double(Int64(bitPattern: streamIndex &- anchor.streamIndex)) * anchor.samplePeriodNanoseconds
        return anchor.firstSampleTime + .nanoseconds(Int64(offset.rounded()))
    }

    /// Device time (µs, unwrapped) of the sample at `streamIndex`, at `sampleRateHz`; nil
    /// before the first batch.
    func deviceMicros(ofStreamIndex streamIndex: UInt64, sampleRateHz: Int) -> Int64? {
        guard let lastDevice else { return nil }
        let samples = Int64(bitPattern: streamIndex &- lastDevice.streamIndex)
        return lastDevice.micros + samples * 1_000_000 / Int64(max(1, sampleRateHz))
    }
}
