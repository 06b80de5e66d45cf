/// Why a text is not a calibration profile `ProfileJSON` can read: `reason` completes
/// "cannot use the profile ...: ".
public struct ProfileJSONError: Error, Sendable, CustomStringConvertible {
    public let reason: String

    init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
