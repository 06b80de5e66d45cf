/// The firmware version a sensor reports in its IDENTITY, written "major.minor.patch".
public struct FirmwareVersion: Sendable, Equatable, CustomStringConvertible {
    public var major: UInt8
    public var minor: UInt8
    public var patch: UInt8

    public init(major: UInt8, minor: UInt8, patch: UInt8) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}
