/// What happened during a sample batch (SAMPLES `flags`). Bits this version does not
/// define are kept as they arrived.
public struct BatchFlags: OptionSet, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// An electrode lost skin contact during the batch (bit 0).
    public static let leadOff = BatchFlags(rawValue: 1 << 0)
    /// A channel hit the converter's limit during the batch (bit 1).
    public static let saturation = BatchFlags(rawValue: 1 << 1)
}
