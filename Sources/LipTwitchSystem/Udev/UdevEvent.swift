/// One hotplug event from the udev monitor: the action (`add`, `remove`, `change`, ...)
/// and the device as the event described it.
public struct UdevEvent: Equatable, Sendable {
    public let action: String
    public let device: UdevDevice
}
