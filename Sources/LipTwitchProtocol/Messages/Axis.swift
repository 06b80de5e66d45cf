/// Which accelerometer axis a channel measures; `.none` for EMG channels.
public enum Axis: UInt8, Sendable, CaseIterable {
    case none = 0
    case x = 1
    case y = 2
    case z = 3

    /// "none", "x", "y" or "z".
    public var label: String {
        switch self {
        case .none: "none"
        case .x: "x"
        case .y: "y"
        case .z: "z"
        }
    }
}
