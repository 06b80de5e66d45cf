import LipTwitchProtocol

/// Places a sensor's sample batches on the host's monotonic clock (PROTOCOL.md sections
/// 3.2 and 3.3): unwraps the u32 device microseconds and sample indices, smooths the
/// transport jitter and follows the drift between the two clocks (`OffsetEstimator`:
/// per-second minima and a line through them), notices when the sensor's clock or count
/// starts over, and turns index jumps into explicit gaps of exactly the missing samples.
///
/// A pure core: the host time each batch arrived at comes in with it.
///
/// Host times are biased late by the smallest transport delay (on USB, about a
/// millisecond), which no host can measure without hardware timestamps. They never jump
/// back: when the estimate improves downwards (early in a stream, as quicker deliveries
/// arrive, and most of all when the first batch came late), the mapping slews towards it
/// at `slewRate`, and a batch placed while slewing has its samples that much closer
/// together, so it ends where the next one begins: sample times only move forward.
/// Upward corrections apply at once.
public struct DeviceClock: Sendable {
    /// Device time running ahead of host time by more than this means the sensor's clock
    /// restarted (or the host slept): the mapping starts over. Device time falling behind
    /// is only a late delivery, which the minimum filter ignores.
    public static let restartThreshold: Duration = .seconds(1)
    /// How fast the mapping may move back: 50 ms per second of device time, so a first
    /// batch delivered 20 ms late (a USB hiccup) biases the times for less than half a
    /// second. Samples placed while slewing are 5 % closer together than the nominal period.
    public static let slewRate = 0.05

    private let bucket: Duration
    private let bucketCount: Int
    private var estimator: OffsetEstimator
    private var lastRawMicros: UInt32?
    private var lastDeviceMicros: Int64 = 0
    /// Where the previous batch ended, in host time.
    private var lastEnd: HostTime?
    /// The offset the previous batch was placed with, and at which device time (ns).
    private var placement: (device: Int64, offset: Double)?
    private var stream: Stream?

    /// The running stream's rate and index bookkeeping.
    private struct Stream: Sendable {
        var sampleRateHz: Int
        var nominalPeriodNanoseconds: Double
        /// The wire index the next batch should start at; nil before the first batch.
        var expectedIndex: UInt32?
        /// The unwrapped stream index of `expectedIndex`.
        var nextStreamIndex: UInt64 = 0
    }

    /// - Parameters:
    ///   - bucket: the span of device time whose smallest offset is kept.
    ///   - bucketCount: how many buckets the drift line is fitted through.
    public init(bucket: Duration = .seconds(1), bucketCount: Int = 30) {
        self.bucket = bucket
        self.bucketCount = bucketCount
        estimator = OffsetEstimator(bucket: bucket, bucketCount: bucketCount)
    }

    /// The drift estimate: the sensor clock's rate error against the host's, in parts per
    /// million (positive: the sensor clock runs fast).
    public var driftPartsPerMillion: Double { -estimator.slope * 1e6 }

    /// A new stream begins (START was acknowledged): sample indices count from 0 again at
    /// `sampleRateHz`. The device clock keeps its mapping, since START does not reset it.
    public mutating func startStream(sampleRateHz: Int) {
        stream = Stream(sampleRateHz: sampleRateHz, nominalPeriodNanoseconds: 1e9 / Double(max(1, sampleRateHz)))
    }

    /// Forgets everything: another sensor, or the same one after it was unplugged.
    public mutating func reset() {
        estimator = OffsetEstimator(bucket: bucket, bucketCount: bucketCount)
        lastRawMicros = nil
        lastDeviceMicros = 0
        lastEnd = nil
        placement = nil
        stream = nil
    }

    /// Places `batch`, which arrived at `receivedAt`. Call `startStream` first.
    public mutating func place(_ batch: SampleBatch, receivedAt: HostTime) -> BatchTiming {
        guard var stream else { preconditionFailure("DeviceClock.startStream(sampleRateHz:) comes before the first batch") }
        let lastSampleOffset = Int64(Double(batch.sampleCount - 1) * stream.nominalPeriodNanoseconds)
        var firstSample = unwrap(batch.timestampMicros) * 1000
        var observed = receivedAt.nanoseconds - (firstSample + lastSampleOffset)
        var clockRestarted = false
        if let predicted = estimator.offset(at: firstSample + lastSampleOffset),
           Double(observed) < predicted - Double(Self.restartThreshold.nanoseconds)
        {
            clockRestarted = true
            estimator = OffsetEstimator(bucket: bucket, bucketCount: bucketCount)
            lastEnd = nil
            placement = nil
            lastDeviceMicros = Int64(batch.timestampMicros)
            firstSample = lastDeviceMicros * 1000
            observed = receivedAt.nanoseconds - (firstSample + lastSampleOffset)
        }
        estimator.observe(device: firstSample + lastSampleOffset, offset: observed)
        let (offset, slewing) = slewedOffset(at: firstSample)
        let period = stream.nominalPeriodNanoseconds * (1 + estimator.slope) * (slewing ? 1 - Self.slewRate : 1)
        let start = HostTime(nanoseconds: firstSample + Int64(offset.rounded()))

        let (streamIndex, continuity) = follow(batch, in: &stream, start: start, period: period)
        self.stream = stream
        lastEnd = start + .nanoseconds(Int64((Double(batch.sampleCount) * period).rounded()))
        return BatchTiming(
            firstSampleTime: start, samplePeriodNanoseconds: period, streamIndex: streamIndex,
            deviceMicros: firstSample / 1000, continuity: continuity, clockRestarted: clockRestarted)
    }

    /// The estimated offset at device time `device` (ns), moved back no faster than
    /// `slewRate` since the previous batch and never to before the previous batch's end,
    /// and whether it is still above the estimate (slewing: the next batch will start
    /// earlier than this one would end at the nominal period).
    private mutating func slewedOffset(at device: Int64) -> (offset: Double, slewing: Bool) {
        let estimate = estimator.offset(at: device) ?? 0
        var offset = estimate
        if let placement, estimate < placement.offset {
            offset = max(estimate, placement.offset - Self.slewRate * Double(device - placement.device))
        }
        if let lastEnd { offset = max(offset, Double(lastEnd.nanoseconds - device)) }
        placement = (device, offset)
        return (offset, offset > estimate)
    }

    /// Host time of device time `micros` (a marker's), unwrapped around the latest batch;
    /// nil before the first batch.
    public func hostTime(ofDeviceMicros micros: UInt32) -> HostTime? {
        guard let lastRawMicros else { return nil }
        let device = (lastDeviceMicros + Int64(Int32(bitPattern: micros &- lastRawMicros))) * 1000
        guard let offset = estimator.offset(at: device) else { return nil }
        return HostTime(nanoseconds: device + Int64(offset.rounded()))
    }

    /// Device time unwrapped: a later timestamp is the previous one plus the difference
    /// modulo 2^32 (PROTOCOL.md section 3.2).
    private mutating func unwrap(_ raw: UInt32) -> Int64 {
        defer { lastRawMicros = raw }
        guard let lastRawMicros else {
            lastDeviceMicros = Int64(raw)
            return lastDeviceMicros
        }
        lastDeviceMicros += Int64(raw &- lastRawMicros)
        return lastDeviceMicros
    }

    /// Follows the sample index: contiguous, a gap of exactly the missing samples, or a
    /// count that started over. Returns the batch's unwrapped stream index.
    private func follow(_ batch: SampleBatch, in stream: inout Stream, start: HostTime, period: Double)
        -> (UInt64, BatchContinuity)
    {
        defer { stream.expectedIndex = batch.firstSampleIndex &+ UInt32(batch.sampleCount) }
        let result: (UInt64, BatchContinuity)
        let delta = batch.firstSampleIndex &- (stream.expectedIndex ?? 0)
        if stream.expectedIndex == nil || delta >= 1 << 31 {
            result = (UInt64(batch.firstSampleIndex), .streamStart)
        } else if delta == 0 {
            result = (stream.nextStreamIndex, .continuous)
        } else {
            let missing = UInt64(delta)
            let gapStart = start + .nanoseconds(-Int64(Double(missing) * period))
            let gap = SampleGap(
                samples: missing,
                duration: .nanoseconds(Int64(missing) * 1_000_000_000 / Int64(stream.sampleRateHz)),
                firstMissingIndex: stream.nextStreamIndex,
                start: max(gapStart, lastEnd ?? gapStart))
            result = (stream.nextStreamIndex + missing, .gap(gap))
        }
        stream.nextStreamIndex = result.0 + UInt64(batch.sampleCount)
        return result
    }
}
