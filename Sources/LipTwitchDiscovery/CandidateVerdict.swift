/// What discovery decided about one candidate, and why.
public enum CandidateVerdict: Equatable, Sendable {
    case accepted(AcceptReason)
    case rejected(RejectReason)

    public var isAccepted: Bool {
        if case .accepted = self { true } else { false }
    }

    /// Taken on probation: a sensor only if the LipTwitch handshake answers.
    public var needsProof: Bool {
        if case .accepted(let reason) = self { reason.needsProof } else { false }
    }

    /// Taken as a sensor without condition.
    public var isSensor: Bool {
        isAccepted && !needsProof
    }

    /// How `liptwitch devices` heads it: `taken`, `on probation`, `not taken`.
    public var label: String {
        needsProof ? "on probation" : isAccepted ? "taken" : "not taken"
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
