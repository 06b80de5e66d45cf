/// Why discovery leaves a device alone.
public enum RejectReason: Equatable, Sendable {
    /// Named with `--device`, but nothing is at that path.
    case missing
    /// A virtual console or terminal multiplexer, never a serial port.
    case virtualTerminal
    /// A serial port that is not on USB (a built-in UART, a PCI card, Bluetooth RFCOMM).
    case notUSB
    /// A generic USB-serial bridge that could belong to anything.
    case genericChip(GenericSerialChip)
    /// Some other USB serial device; the id is nil when it could not be read.
    case otherUSB(USBDeviceID?)

    /// A stable word for machine-readable output.
    public var code: String {
        switch self {
        case .missing: "missing"
        case .virtualTerminal: "virtual_terminal"
        case .notUSB: "not_usb"
        case .genericChip: "generic_chip"
        case .otherUSB: "other_usb"
        }
    }

    /// The reason in words, with what to do if the device is a sensor after all.
    public var sentence: String {
        switch self {
        case .missing:
            "named with --device but not present; plug the sensor in, or check the path"
        case .virtualTerminal:
            "a virtual console or terminal, not a serial port"
        case .notUSB:
            "not on USB (a built-in, PCI or Bluetooth serial port); use --device PATH if the sensor is wired to it"
        case .genericChip(let chip):
            "generic USB-serial chip (\(chip.name)), not a LipTwitch sensor; use --device PATH if it is one"
        case .otherUSB(let id?):
            "USB id \(id) is not a LipTwitch sensor's (\(USBDeviceID.lipTwitchSensor)); "
                + "use --device PATH or --usb-id \(id) if it is one"
        case .otherUSB(nil):
            "a USB device whose vendor:product could not be read; use --device PATH if it is a sensor"
        }
    }
}
