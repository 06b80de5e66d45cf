/// Bursts that follow one another with gaps shorter than `activityChainGapSeconds` form
/// one stretch of activity. Speech and chewing are such stretches, and show what they are
/// somewhere along them (a loud syllable, a rhythm, a long burst): once any part of a
/// stretch is voluntary, all of it is, before and after.
struct ActivityChain: Sendable {
    private let gap: Int
    private(set) var start = Int.min / 2
    private(set) var end = Int.min / 2
    private(set) var isVoluntary = false
    /// Bursts in the stretch as strong as a quiet syllable (`phraseFraction` × press).
    private(set) var strongBursts = 0

    init(gap: Int) {
        self.gap = gap
    }

    /// Adds a burst: it extends the stretch, or starts a new one after a longer gap.
    mutating func add(onset: Int, end burstEnd: Int, isStrong: Bool) {
        if onset - end > gap {
            start = onset
            isVoluntary = false
            strongBursts = 0
        }
        end = max(end, burstEnd)
        if isStrong { strongBursts += 1 }
    }

    /// True when `first...last` touches the stretch under way (within the gap).
    func touches(_ first: Int, _ last: Int) -> Bool {
        first <= end + gap && last >= start - gap
    }

    mutating func markVoluntary() {
        isVoluntary = true
    }
}
