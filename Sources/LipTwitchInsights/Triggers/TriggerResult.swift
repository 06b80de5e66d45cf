/// What the journal says about one note tag: the episode rate in the window after its
/// notes against the person's own baseline, and what that does and does not show.
public struct TriggerResult: Sendable, Equatable {
    /// The answer, as honest as the data allow.
    public enum Verdict: Sendable, Equatable {
        /// More episodes after the notes than otherwise, beyond chance (after correcting
        /// for the number of tags tested).
        case moreAfter
        /// Fewer episodes after the notes, beyond chance.
        case fewerAfter
        /// Enough data, and no difference: an effect of `TriggerAnalysis.smallestEffect` or
        /// more would most likely have shown.
        case noClearDifference
        /// The data cannot tell yet; the reason says why.
        case notEnoughData(String)
    }

    /// How much more measuring would settle the question.
    public struct MoreData: Sendable, Equatable {
        /// The rate ratio it would tell from no effect (80 % power).
        public var ratio: Double
        public var hours: Double
        /// In days measured as the period's measured days were.
        public var days: Int
        /// Notes of this tag at the rate they were written.
        public var notes: Int
    }

    public let tag: String
    public let windowHours: Double
    /// Notes that opened a window.
    public let notes: Int
    /// `sleep` notes of a full night, not counted as exposures.
    public let fullNights: Int
    /// Nil when there is no measured time on one side.
    public let comparison: RateComparison?
    /// The p-value after Holm's correction over the tags tested.
    public let adjustedPValue: Double?
    public let verdict: Verdict
    public let moreData: MoreData?

    /// One sentence for the report.
    public var sentence: String {
        let times = { (value: Double) in Numbers.ratio(value) }
        switch verdict {
        case .moreAfter, .fewerAfter:
            guard let comparison, let ratio = comparison.ratio else { return "" }
            let direction = verdict == .moreAfter ? "more" : "fewer"
            return "\(direction) episodes in the \(Numbers.hours(windowHours)) after #\(tag): \(times(ratio)) your "
                + "usual rate (95 % interval \(Numbers.interval(comparison.interval)))"
        case .noClearDifference:
            return "no clear difference after #\(tag); an effect of \(times(TriggerAnalysis.smallestEffect)) or more "
                + "would most likely have shown"
        case .notEnoughData(let reason):
            guard let moreData else { return "not enough data yet: \(reason)" }
            return "not enough data yet: \(reason); about \(moreData.days) more measured day"
                + "\(moreData.days == 1 ? "" : "s") like these (≈ \(moreData.notes) more #\(tag) note"
                + "\(moreData.notes == 1 ? "" : "s")) would tell an effect of \(times(moreData.ratio))"
        }
    }
}
