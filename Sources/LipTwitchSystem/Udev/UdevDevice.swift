import CUdev

/// What libudev knows about one device, copied out of libudev at one moment so that it
/// can travel anywhere: its properties, its tags, and the sysfs attributes of the USB
/// device it sits on. No interpretation here; `LipTwitchDiscovery` reads these facts.
public struct UdevDevice: Equatable, Sendable {
    /// The attributes read from the USB device parent.
    static let usbAttributeNames = ["idVendor", "idProduct", "serial", "manufacturer", "product"]

    public let sysPath: String
    public let sysName: String
    /// The device node, e.g. `/dev/ttyACM0`; nil for devices without one.
    public let devicePath: String?
    /// False when no udev daemon has processed the device (no udev database).
    public let isInitialized: Bool
    public let properties: [String: String]
    public let tags: [String]
    /// The USB device parent's attributes that exist; nil when the device is not on USB.
    public let usbAttributes: [String: String]?

    /// Copies the facts out of a libudev device (which the caller still owns).
    init(_ device: OpaquePointer) {
        sysPath = udev_device_get_syspath(device).map { String(cString: $0) } ?? ""
        sysName = udev_device_get_sysname(device).map { String(cString: $0) } ?? ""
        devicePath = udev_device_get_devnode(device).map { String(cString: $0) }
        isInitialized = udev_device_get_is_initialized(device) > 0
        var properties: [String: String] = [:]
        for entry in UdevListEntries.read(udev_device_get_properties_list_entry(device)) {
            properties[entry.name] = entry.value ?? ""
        }
        self.properties = properties
        tags = UdevListEntries.read(udev_device_get_tags_list_entry(device)).map(\.name)
        usbAttributes = udev_device_get_parent_with_subsystem_devtype(device, "usb", "usb_device").map { usb in
            var attributes: [String: String] = [:]
            for name in Self.usbAttributeNames {
                if let value = udev_device_get_sysattr_value(usb, name) { attributes[name] = String(cString: value) }
            }
            return attributes
        }
    }
}
