/// What the sensor or the link says about a sample: an electrode off the skin, a converter
/// at its limit, or a sample that never arrived. The detector never looks for twitches in
/// such samples, and a burst that touches them is an artifact.
public struct SampleQuality: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The electrode lost skin contact (PROTOCOL.md STATUS `lead_off`).
    public static let leadOff = SampleQuality(rawValue: 1 << 0)
    /// The converter hit its limit (PROTOCOL.md STATUS `saturation`).
    public static let saturation = SampleQuality(rawValue: 1 << 1)
    /// The sample was lost on the way (a sequence gap); its value means nothing.
    public static let gap = SampleQuality(rawValue: 1 << 2)

    /// A good sample.
    public static let good: SampleQuality = []
}
