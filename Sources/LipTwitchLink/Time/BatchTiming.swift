/// Where a sample batch lies in host time, as `DeviceClock` places it.
public struct BatchTiming: Sendable, Equatable {
    /// Host monotonic time of the batch's first sample.
    public var firstSampleTime: HostTime
    /// Time between two samples, in host nanoseconds (the nominal period, corrected for
    /// the sensor clock's drift): sample `k` is at `firstSampleTime + k × samplePeriod`.
    public var samplePeriodNanoseconds: Double
    /// The first sample's index since START, unwrapped (the wire index wraps at 2^32).
    public var streamIndex: UInt64
    /// The first sample's device time, µs, unwrapped (the wire timestamp wraps at 2^32).
    public var deviceMicros: Int64
    public var continuity: BatchContinuity
    /// The sensor's clock jumped (it restarted, or the host slept): the mapping started
    /// over from this batch.
    public var clockRestarted: Bool

    public init(
        firstSampleTime: HostTime, samplePeriodNanoseconds: Double, streamIndex: UInt64, deviceMicros: Int64,
        continuity: BatchContinuity, clockRestarted: Bool
    ) {
        self.firstSampleTime = firstSampleTime
        self.samplePeriodNanoseconds = samplePeriodNanoseconds
        self.streamIndex = streamIndex
        self.deviceMicros = deviceMicros
        self.continuity = continuity
        self.clockRestarted = clockRestarted
    }

    /// Host time of sample `index` of the batch.
    public func time(ofSample index: Int) -> HostTime {
        firstSampleTime + .nanoseconds(Int64((Double(index) * samplePeriodNanoseconds).rounded()))
    }
}
