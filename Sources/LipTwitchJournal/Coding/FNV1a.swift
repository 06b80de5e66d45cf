/// FNV-1a, 64 bits: the short, stable hash the journal uses where a fingerprint is enough
/// (the detector's settings in `config_hash`, a sensor's id in an export). Not for secrets.
public enum FNV1a {
    /// The standard offset basis.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash of `bytes`, starting from `seed` (the offset basis by default).
    public static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = offsetBasis) -> UInt64 {
        bytes.reduce(seed) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// `hash` as 16 lower-case hexadecimal digits.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
