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
