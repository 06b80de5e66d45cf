import LipTwitchLink
import LipTwitchProtocol

/// What a `SensorLink` hands its consumer, in order, on the link's thread.
public enum LinkOutput: Sendable {
    /// A transition of the link, and when (host monotonic time).
    case event(LinkEvent, at: HostTime)
    /// A batch of samples and where it lies in host time (with any gap before it).
    case samples(SampleBatch, BatchTiming)
    case status(DeviceStatus, at: HostTime)
    /// The wearer pressed the button; `at` is the press in host time (nil before the first
    /// batch placed the sensor's clock).
    case marker(UserMarker, at: HostTime?)
}
