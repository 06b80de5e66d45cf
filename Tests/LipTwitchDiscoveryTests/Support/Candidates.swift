import LipTwitchDiscovery

/// Candidates as libudev would describe them, for the policy and tracker tables.
enum Candidates {
    /// A USB tty with the properties udev's own rules (60-serial.rules) set, plus `extra`.
    static func usb(
        _ sysName: String, id: String, serial: String = "0001", product: String = "Device",
        extra: [String: String] = [:], tags: [String] = []
    ) -> DeviceCandidate {
        let ids = id.split(separator: ":").map(String.init)
        let byID = "/dev/serial/by-id/usb-Maker_\(product)_\(serial)-if00"
        let properties = [
            "DEVNAME": "/dev/\(sysName)", "SUBSYSTEM": "tty", "ID_BUS": "usb",
            "ID_VENDOR_ID": ids[0], "ID_MODEL_ID": ids[1], "ID_SERIAL_SHORT": serial,
            "ID_VENDOR": "Maker", "ID_MODEL": product, "DEVLINKS": byID,
        ].merging(extra) { $1 }
        return DeviceCandidate(
            devicePath: "/dev/\(sysName)", sysName: sysName,
            sysPath: "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/tty/\(sysName)",
            isInitialized: true, properties: properties, tags: tags,
            usbAttributes: ["idVendor": ids[0], "idProduct": ids[1], "serial": serial, "product": product])
    }

    /// The LipTwitch sensor as the project's udev rule leaves it.
    static func taggedSensor(_ sysName: String = "ttyACM0", serial: String = "LT0001A2B3") -> DeviceCandidate {
        usb(sysName, id: "1209:4c54", serial: serial, product: "LipTwitch_Sensor",
            extra: ["LIPTWITCH_SENSOR": "1", "ID_MM_DEVICE_IGNORE": "1", "TAGS": ":liptwitch:systemd:uaccess:"])
    }

    /// A tty that is not on USB, as the kernel lists it with no udev database.
    static func plain(_ sysName: String) -> DeviceCandidate {
        DeviceCandidate(
            devicePath: "/dev/\(sysName)", sysName: sysName, sysPath: "/sys/devices/virtual/tty/\(sysName)",
            isInitialized: false, properties: ["DEVNAME": "/dev/\(sysName)", "SUBSYSTEM": "tty"], tags: [],
            usbAttributes: nil)
    }
}
