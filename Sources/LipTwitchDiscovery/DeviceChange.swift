/// A hotplug event from udev, reduced to what discovery needs.
public enum DeviceChange: Equatable, Sendable {
    case added(DeviceCandidate)
    /// udev processed the device again (`udevadm trigger`, a rule change): its facts may differ.
    case changed(DeviceCandidate)
    case removed(devicePath: String)

    /// The change for a udev action (`add`, `change`, `remove`); nil for actions that do
    /// not change whether a port exists (`bind`, `unbind`, `move`, `online`, `offline`).
    public init?(action: String, candidate: DeviceCandidate) {
        switch action {
        case "add": self = .added(candidate)
        case "change": self = .changed(candidate)
        case "remove": self = .removed(devicePath: candidate.devicePath)
        default: return nil
        }
    }
}
