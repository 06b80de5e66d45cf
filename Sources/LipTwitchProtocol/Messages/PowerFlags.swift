/// How a sensor is powered (STATUS `power_flags`). Bits this version does not define are
/// kept as they arrived.
public struct PowerFlags: OptionSet, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The battery is charging (bit 0).
    public static let charging = PowerFlags(rawValue: 1 << 0)
    /// The sensor runs on external power (bit 1).
    public static let externalPower = PowerFlags(rawValue: 1 << 1)
}
