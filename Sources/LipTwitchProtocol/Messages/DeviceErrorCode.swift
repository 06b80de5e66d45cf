/// Why a sensor refused a command (ERROR `code`, PROTOCOL.md section 6.6).
public enum DeviceErrorCode: UInt8, Sendable, CaseIterable {
    /// The payload is shorter than the command requires.
    case malformed = 1
    /// The type is not a command the sensor knows.
    case unknownCommand = 2
    /// A field is outside what the sensor supports, e.g. a sample rate.
    case unsupportedValue = 3
    /// The frame's version is one the sensor does not speak.
    case unsupportedVersion = 4
    /// The command is not allowed now, e.g. SET_RATE while streaming.
    case invalidState = 5
    /// The sensor failed to carry out a valid command.
    case `internal` = 6

    /// The code of a wire value; codes this version does not know read as `.internal`.
    public init(code: UInt8) {
        self = DeviceErrorCode(rawValue: code) ?? .internal
    }

    /// The name of PROTOCOL.md section 6.6, e.g. "unsupported_value".
    public var label: String {
        switch self {
        case .malformed: "malformed"
        case .unknownCommand: "unknown_command"
        case .unsupportedValue: "unsupported_value"
        case .unsupportedVersion: "unsupported_version"
        case .invalidState: "invalid_state"
        case .internal: "internal"
        }
    }
}
