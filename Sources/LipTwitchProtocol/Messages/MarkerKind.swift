/// How the wearer pressed the sensor's button (MARKER `marker_kind`).
public enum MarkerKind: UInt8, Sendable, CaseIterable {
    /// A short press: "I felt a twitch just now".
    case shortPress = 1
    /// A press over 1 s: a sustained spasm.
    case longPress = 2

    /// "short-press" or "long-press".
    public var label: String {
        switch self {
        case .shortPress: "short-press"
        case .longPress: "long-press"
        }
    }
}
