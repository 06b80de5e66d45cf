import LipTwitchProtocol

/// What a link hands on, in order: what happened at the port (a capture's records), what
/// each read said, the link's transitions, and the running stream's messages placed in
/// host time.
public enum LinkOutput: Sendable {
    /// The port opened, returned bytes, hung up or was closed, at this host time.
    case port(PortActivity, at: HostTime)
    /// What the bytes of the read just before said (it always follows a `.port(.read)`).
    case decoded(DecodedRead)
    /// A transition of the link, and when (host monotonic time).
    case event(LinkEvent, at: HostTime)
    /// A batch of the running stream and where it lies in host time (with any gap before it).
    case samples(SampleBatch, BatchTiming)
    case status(DeviceStatus, at: HostTime)
    /// The wearer pressed the button; `at` is the press in host time (nil before the first
    /// batch placed the sensor's clock).
    case marker(UserMarker, at: HostTime?)
}
