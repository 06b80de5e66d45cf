/// The journal format version every record carries as `"format": "MAJOR.MINOR"`.
///
/// A minor version adds (optional fields, record types, vocabulary values); a reader of
/// the same major version reads every minor version, ignoring what it does not know. A
/// major version changes or removes something; readers skip records of a major version
/// they do not know, and count them. docs/JOURNAL.md, "Versions".
public struct FormatVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    /// The version this code writes.
    public static let current = FormatVersion(major: 1, minor: 1)

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `1.0`, `1.12`; nil for anything else.
    public init?(_ text: String) {
        var text = text
        guard let version = text.withUTF8({ FormatVersion(ascii: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = version
    }

    /// Reads `MAJOR.MINOR` from ASCII bytes: each part 1 to 6 digits.
    init?(ascii bytes: UnsafeRawBufferPointer) {
        var major = 0
        var minor = 0
        var inMinor = false
        var digits = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            if byte == UInt8(ascii: "."), !inMinor, digits > 0 {
                inMinor = true
                digits = 0
            } else if digit < 10, digits < 6 {
                if inMinor { minor = minor * 10 + Int(digit) } else { major = major * 10 + Int(digit) }
                digits += 1
            } else {
                return nil
            }
        }
        guard inMinor, digits > 0 else { return nil }
        self.init(major: major, minor: minor)
    }

    /// True when this code can read records of this version.
    public var isReadable: Bool { major == Self.current.major }

    public var description: String { "\(major).\(minor)" }
}
