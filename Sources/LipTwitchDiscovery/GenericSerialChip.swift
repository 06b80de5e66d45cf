/// A USB-to-serial bridge chip that many unrelated devices are built on (Arduino clones,
/// GPS receivers, 3D printers, console cables). LipTwitch never opens one uninvited: the
/// port could belong to anything.
public struct GenericSerialChip: Equatable, Sendable {
    /// The maker and chip, e.g. `Silicon Labs CP210x`.
    public let name: String

    /// The chip behind `id`, if it is a known generic bridge: an exact id from the table,
    /// or any product of a vendor that makes nothing but bridges.
    public static func identify(_ id: USBDeviceID) -> GenericSerialChip? {
        if let name = chips[id] { return GenericSerialChip(name: name) }
        return bridgeVendors[id.vendor].map { GenericSerialChip(name: $0) }
    }

    private static let chips: [USBDeviceID: String] = [
        USBDeviceID(vendor: 0x0403, product: 0x6001): "FTDI FT232R",
        USBDeviceID(vendor: 0x0403, product: 0x6010): "FTDI FT2232",
        USBDeviceID(vendor: 0x0403, product: 0x6011): "FTDI FT4232",
        USBDeviceID(vendor: 0x0403, product: 0x6014): "FTDI FT232H",
        USBDeviceID(vendor: 0x0403, product: 0x6015): "FTDI FT-X",
        USBDeviceID(vendor: 0x10C4, product: 0xEA60): "Silicon Labs CP210x",
        USBDeviceID(vendor: 0x10C4, product: 0xEA70): "Silicon Labs CP2105",
        USBDeviceID(vendor: 0x10C4, product: 0xEA71): "Silicon Labs CP2108",
        USBDeviceID(vendor: 0x1A86, product: 0x7523): "WCH CH340",
        USBDeviceID(vendor: 0x1A86, product: 0x5523): "WCH CH341",
        USBDeviceID(vendor: 0x1A86, product: 0x55D4): "WCH CH9102",
        USBDeviceID(vendor: 0x067B, product: 0x2303): "Prolific PL2303",
        USBDeviceID(vendor: 0x067B, product: 0x23A3): "Prolific PL2303GC",
        USBDeviceID(vendor: 0x04D8, product: 0x000A): "Microchip CDC serial",
        USBDeviceID(vendor: 0x04D8, product: 0x00DF): "Microchip MCP2200",
    ]

    /// Vendors whose every product id is a serial bridge.
    private static let bridgeVendors: [UInt16: String] = [
        0x0403: "FTDI",
        0x1A86: "WCH",
        0x067B: "Prolific",
    ]
}
