import LipTwitchProtocol

/// Which decoded events `liptwitch decode` prints, by their JSON `class`.
public enum EventFilter: Sendable, Equatable {
    /// Only the summary.
    case summaryOnly
    /// Every event.
    case all
    /// Only events of these classes (the summary is always printed).
    case only(Set<String>)

    /// Every class a decode event can have, for help texts and validation.
    public static let classes = MessageType.allCases.filter { !$0.isCommand }.map(\.name)
        + ["frame_error", "sequence_gap", "sequence_reset"]

    func admits(_ className: String) -> Bool {
        switch self {
        case .summaryOnly: false
        case .all: true
        case .only(let names): names.contains(className)
        }
    }
}
