/// What discovery tells a link: a sensor appeared, or the one at a path is gone (the udev
/// remove event). An explicit `--device PATH` is a single `appeared` at start.
public enum DeviceEvent: Sendable, Hashable {
    case appeared(SensorLocation)
    /// The device at this path (its device path or by-id link) was removed.
    case disappeared(devicePath: String)
}
