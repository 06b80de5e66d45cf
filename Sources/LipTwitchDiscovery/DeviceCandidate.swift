/// A serial port that might be a LipTwitch sensor, with the facts udev knows about it.
///
/// Built from the raw properties and attributes libudev reports (`LipTwitchSystem`'s
/// `UdevDevice`), so this parsing is pure and tested with tables. A sensor's stable
/// identity is its USB serial number and its `/dev/serial/by-id/...` link: the
/// `/dev/ttyACM0` name changes from one plug-in to the next.
public struct DeviceCandidate: Equatable, Sendable {
    /// The device node, e.g. `/dev/ttyACM0`.
    public let devicePath: String
    /// The kernel name, e.g. `ttyACM0`.
    public let sysName: String
    /// The sysfs path, empty when udev does not know the device.
    public let sysPath: String
    public let source: CandidateSource
    /// True when the tty sits on a USB device.
    public let isUSB: Bool
    /// The USB vendor and product, for a USB tty whose ids could be read.
    public let usbID: USBDeviceID?
    /// The USB serial number string (for a LipTwitch sensor: its identity serial).
    public let serialNumber: String?
    public let manufacturer: String?
    public let product: String?
    /// Every link udev made to the node (by-id, by-path, the rule's own).
    public let links: [String]
    /// True when the LipTwitch udev rule marked the device (property or tag).
    public let isTaggedByRule: Bool
    /// True when `ID_MM_DEVICE_IGNORE=1` keeps ModemManager from probing the port.
    public let isIgnoredByModemManager: Bool

    /// The facts of a device libudev reported: its `properties`, `tags`, and the sysfs
    /// attributes of its USB device parent (nil when it has none). A device counts as
    /// processed by udev when libudev says so or udev's `USEC_INITIALIZED` is set.
    public init(
        devicePath: String, sysName: String, sysPath: String, isInitialized: Bool,
        properties: [String: String], tags: [String], usbAttributes: [String: String]?
    ) {
        self.devicePath = devicePath
        self.sysName = sysName
        self.sysPath = sysPath
        source = .udev(initialized: isInitialized || properties["USEC_INITIALIZED"] != nil)
        isUSB = usbAttributes != nil || properties["ID_BUS"] == "usb"
        usbID = isUSB
            ? USBDeviceID(vendor: usbAttributes?["idVendor"], product: usbAttributes?["idProduct"])
                ?? USBDeviceID(vendor: properties["ID_VENDOR_ID"], product: properties["ID_MODEL_ID"])
            : nil
        serialNumber = usbAttributes?["serial"] ?? properties["ID_SERIAL_SHORT"]
        manufacturer = usbAttributes?["manufacturer"] ?? properties["ID_VENDOR"].map(Self.spaced)
        product = usbAttributes?["product"] ?? properties["ID_MODEL"].map(Self.spaced)
        links = properties["DEVLINKS"]?.split(separator: " ").map(String.init) ?? []
        let allTags = Set(tags).union((properties["TAGS"] ?? "").split(separator: ":").map(String.init))
        isTaggedByRule = properties[LipTwitchUdevRule.property] == "1" || allTags.contains(LipTwitchUdevRule.tag)
        isIgnoredByModemManager = properties["ID_MM_DEVICE_IGNORE"] == "1"
    }

    /// A path named with `--device` that udev does not know; `isPresent` says whether it exists.
    public init(explicitPath path: String, isPresent: Bool) {
        devicePath = path
        sysName = path.split(separator: "/").last.map(String.init) ?? path
        sysPath = ""
        source = isPresent ? .explicitOnly : .missing
        isUSB = false
        usbID = nil
        serialNumber = nil
        manufacturer = nil
        product = nil
        links = []
        isTaggedByRule = false
        isIgnoredByModemManager = false
    }

    /// udev's persistent link by USB identity, e.g. `/dev/serial/by-id/usb-LipTwitch_...-if00`.
    public var byIDPath: String? { links.first { $0.hasPrefix(LipTwitchUdevRule.byIDDirectory) } }

    /// The rule's stable link, `/dev/liptwitch/<serial>`.
    public var stableLink: String? { links.first { $0.hasPrefix(LipTwitchUdevRule.linkDirectory) } }

    /// True for the kernel's virtual consoles and terminal multiplexers (`tty`, `tty7`,
    /// `console`, `ptmx`), which are never serial ports.
    public var isVirtualTerminal: Bool {
        if ["tty", "console", "ptmx"].contains(sysName) { return true }
        let number = sysName.dropFirst(3)
        return sysName.hasPrefix("tty") && !number.isEmpty && number.allSatisfy(\.isNumber)
    }

    /// udev's `ID_VENDOR`/`ID_MODEL` use `_` for spaces.
    private static func spaced(_ text: String) -> String {
        String(text.map { $0 == "_" ? " " : $0 })
    }
}
