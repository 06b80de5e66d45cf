/// Why discovery takes a device as a LipTwitch sensor.
public enum AcceptReason: Equatable, Sendable {
    /// Named with `--device`.
    case named
    /// Marked by the project's udev rule.
    case taggedByRule
    /// Its USB vendor:product is one of the configured sensor ids.
    case sensorID(USBDeviceID)

    /// A stable word for machine-readable output.
    public var code: String {
        switch self {
        case .named: "named"
        case .taggedByRule: "tagged"
        case .sensorID: "sensor_id"
        }
    }

    /// The reason in words.
    public var sentence: String {
        switch self {
        case .named: "named with --device"
        case .taggedByRule: "tagged by the LipTwitch udev rule"
        case .sensorID(let id) where id == .lipTwitchSensor: "USB id \(id) is the LipTwitch sensor's"
        case .sensorID(let id): "USB id \(id) is one of the configured sensor ids (--usb-id)"
        }
    }
}
