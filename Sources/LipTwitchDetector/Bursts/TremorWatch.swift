/// Turns the rhythm checks into tremor periods: a tremor begins after
/// `tremorConfirmations` positive checks in a row, and ends after `tremorEndingChecks`
/// negative ones in a row (about a second), at the last positive check.
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
    private let endingChecks: Int

    init(confirmations: Int, endingChecks: Int) {
        self.confirmations = max(1, confirmations)
        self.endingChecks = max(1, endingChecks)
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
        if isActive, negatives >= endingChecks {
            isActive = false
            return .ended(at: lastRhythmic)
        }
        return nil
    }
}
