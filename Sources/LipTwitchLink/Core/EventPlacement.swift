/// Where the port's decoder placed a decoded event in host time: a batch of a running
/// stream (or stale), a marker, or nothing to place.
public enum EventPlacement: Sendable, Equatable {
    /// Not a batch or a marker.
    case untimed
    /// A batch outside a stream (before START was acknowledged, after STOP or a new
    /// IDENTITY, or of another shape than the stream's): stale, and not placed.
    case stale
    /// A batch of the running stream, placed by the one `DeviceClock`.
    case batch(BatchTiming)
    /// A marker's press in host time (nil before a batch placed the sensor's clock).
    case marker(HostTime?)
}
