import LipTwitchDrivers

/// A USB vendor and product id pair, written `1209:4c54` as `lsusb` and udev write it.
public struct USBDeviceID: Hashable, Sendable, CustomStringConvertible {
    public let vendor: UInt16
    public let product: UInt16

    public init(vendor: UInt16, product: UInt16) {
        self.vendor = vendor
        self.product = product
    }

    /// Parses `vvvv:pppp` (hexadecimal, any case); nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let vendor = Self.hex(parts[0]), let product = Self.hex(parts[1]) else { return nil }
        self.init(vendor: vendor, product: product)
    }

    /// Parses separate vendor and product fields, as udev properties and sysfs attributes hold them.
    init?(vendor: String?, product: String?) {
        guard let vendor = vendor.flatMap(Self.hex), let product = product.flatMap(Self.hex) else { return nil }
        self.init(vendor: vendor, product: product)
    }

    /// The LipTwitch sensor's own id: vendor 0x1209 (pid.codes), product 0x4C54 ("LT"),
    /// from `Firmware-Protocol/PROTOCOL.md` section 1.
    public static let lipTwitchSensor = USBDeviceID(vendor: 0x1209, product: 0x4C54)

    /// The boards the sensor of docs/HARDWARE.md is built on, as they enumerate: the Arduino
    /// Uno R3 (its ATmega16U2, under arduino.cc's and arduino.org's vendor ids) and the
    /// bridge chips of Nanos and clones (WCH CH340, FTDI FT232R, Silicon Labs CP2102).
    public static let sensorBoards = [
        USBDeviceID(vendor: 0x2341, product: 0x0043), USBDeviceID(vendor: 0x2A03, product: 0x0043),
        USBDeviceID(vendor: 0x1A86, product: 0x7523), USBDeviceID(vendor: 0x0403, product: 0x6001),
        USBDeviceID(vendor: 0x10C4, product: 0xEA60),
    ]

    /// The OpenBCI Cyton's USB dongle: an FTDI FT231X (FTDI's FT-X series id, shared by
    /// unrelated devices, so taken only when a Cyton answers `v`).
    public static let openBCIDongle = USBDeviceID(vendor: 0x0403, product: 0x6015)

    /// The ports of other makers' boards that discovery may probe, and the driver that
    /// probes them.
    public static let boardDongles: [USBDeviceID: SensorDriver.Family] = [openBCIDongle: .openBCICyton]

    public var description: String { "\(Self.fourDigits(vendor)):\(Self.fourDigits(product))" }

    private static func fourDigits(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    private static func hex(_ text: some StringProtocol) -> UInt16? {
        guard text.count == 4 else { return nil }
        return UInt16(text, radix: 16)
    }
}
