/// What discovery decided about one candidate, and why.
public enum CandidateVerdict: Equatable, Sendable {
    case accepted(AcceptReason)
    case rejected(RejectReason)

    public var isAccepted: Bool {
        if case .accepted = self { true } else { false }
    }

    /// A stable word for machine-readable output.
    public var code: String {
        switch self {
        case .accepted(let reason): reason.code
        case .rejected(let reason): reason.code
        }
    }

    /// The reason in words.
    public var sentence: String {
        switch self {
        case .accepted(let reason): reason.sentence
        case .rejected(let reason): reason.sentence
        }
    }
}
