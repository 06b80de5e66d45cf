/// Turns the rhythm checks into tremor periods: a tremor begins after
/// `tremorConfirmations` positive checks in a row, and ends after `endingChecks` negative
/// ones in a row (about a second), at the last positive check.
struct TremorWatch: Sendable {
    /// What a check changed.
    enum Change {
        case began
        case ended(at: Int)
    }

    private(set) var isActive = false
    /// Where the tremor under way started.
    var start = 0
    private(set) var lastRhythmic = 0
    private var positives = 0
    private var negatives = 0
    private let confirmations: Int

    static let endingChecks = 4

    init(confirmations: Int) {
        self.confirmations = max(1, confirmations)
    }

    mutating func observe(_ check: RhythmTracker.Check, at index: Int) -> Change? {
        if check.isTremorLike {
            positives += 1
            negatives = 0
            lastRhythmic = index
        } else {
            negatives += 1
            positives = 0
        }
        if !isActive, positives >= confirmations {
            isActive = true
            return .began
        }
        if isActive, negatives >= Self.endingChecks {
            isActive = false
            return .ended(at: lastRhythmic)
        }
        return nil
    }
}
