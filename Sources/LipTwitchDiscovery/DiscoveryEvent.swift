/// What discovery tells the link runtime: a sensor appeared or disappeared. `ignored`
/// reports a new port that is not a sensor, so the daemon can say why it left it alone.
public enum DiscoveryEvent: Equatable, Sendable {
    case appeared(DeviceCandidate, AcceptReason)
    case disappeared(devicePath: String)
    case ignored(DeviceCandidate, RejectReason)
}
