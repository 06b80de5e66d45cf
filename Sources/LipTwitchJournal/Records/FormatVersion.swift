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
    public static let current = FormatVersion(major: 1, minor: 0)

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `1.0`, `1.12`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCII) }),
            let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0
        else { return nil }
        self.init(major: major, minor: minor)
    }

    /// True when this code can read records of this version.
    public var isReadable: Bool { major == Self.current.major }

    public var description: String { "\(major).\(minor)" }
}
