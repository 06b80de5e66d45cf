/// How a sample batch follows the one before it.
public enum BatchContinuity: Sendable, Equatable {
    /// Right after the previous batch: no sample missing.
    case continuous
    /// Samples were lost before this batch.
    case gap(SampleGap)
    /// Nothing to follow: the first batch after START, or the sensor started counting
    /// again without one (it restarted). Filters that carry state should start over.
    case streamStart
}
