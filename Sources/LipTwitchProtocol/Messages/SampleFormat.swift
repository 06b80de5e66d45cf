/// How one raw sample is written on the wire (IDENTITY and SAMPLES `sample_format`): a
/// little-endian two's-complement integer of 2 or 3 bytes.
public enum SampleFormat: UInt8, Sendable, CaseIterable {
    case int16 = 1
    case int24 = 2

    public var bytesPerSample: Int {
        switch self {
        case .int16: 2
        case .int24: 3
        }
    }

    /// The values a sample of this format can hold.
    public var valueRange: ClosedRange<Int32> {
        switch self {
        case .int16: Int32(Int16.min)...Int32(Int16.max)
        case .int24: -(1 << 23)...(1 << 23 - 1)
        }
    }

    /// "i16" or "i24".
    public var label: String {
        switch self {
        case .int16: "i16"
        case .int24: "i24"
        }
    }
}
