import LipTwitchDrivers

/// Why discovery takes a device as a sensor, and with which driver.
public enum AcceptReason: Equatable, Sendable {
    /// Named with `--device`.
    case named
    /// Marked by the project's udev rule.
    case taggedByRule
    /// Its USB vendor:product is one of the configured sensor ids.
    case sensorID(USBDeviceID)
    /// Its USB vendor:product is a board a LipTwitch sensor is built on (an Arduino, or
    /// the bridge chip of its clones): taken only if the LipTwitch handshake answers.
    case probe(USBDeviceID, GenericSerialChip?)
    /// Its USB vendor:product is another maker's board (the OpenBCI Cyton's dongle):
    /// taken with that board's driver only if the board answers its handshake.
    case boardProbe(USBDeviceID, SensorDriver.Family)

    /// True when the port is the sensor's only once the handshake proves it.
    public var needsProof: Bool {
        switch self {
        case .probe, .boardProbe: true
        case .named, .taggedByRule, .sensorID: false
        }
    }

    /// The driver that talks to the port; nil for a named port (the one `--driver` names).
    public var driverFamily: SensorDriver.Family? {
        switch self {
        case .named: nil
        case .taggedByRule, .sensorID, .probe: .liptwitch
        case .boardProbe(_, let family): family
        }
    }

    /// A stable word for machine-readable output.
    public var code: String {
        switch self {
        case .named: "named"
        case .taggedByRule: "tagged"
        case .sensorID: "sensor_id"
        case .probe, .boardProbe: "probe"
        }
    }

    /// The reason in words.
    public var sentence: String {
        switch self {
        case .named: "named with --device"
        case .taggedByRule: "tagged by the LipTwitch udev rule"
        case .sensorID(let id) where id == .lipTwitchSensor: "USB id \(id) is the LipTwitch sensor's"
        case .sensorID(let id): "USB id \(id) is one of the configured sensor ids (--usb-id)"
        case .probe(let id, let chip):
            "USB id \(id)\(chip.map { " (\($0.name))" } ?? "") is a board LipTwitch sensors are built on: "
                + "taken only if it answers the LipTwitch handshake (--no-probe leaves it alone)"
        case .boardProbe(let id, let family):
            "USB id \(id)\(GenericSerialChip.identify(id).map { " (\($0.name))" } ?? "") is the chip of "
                + "\(family.boardName): taken with --driver \(family.rawValue) only if one answers "
                + "(--no-probe leaves it alone)"
        }
    }
}
