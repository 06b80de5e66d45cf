/// One of DOMAIN.md's red flags that holds in the data, with the facts that make it hold.
/// It states facts and the standard advice; it never names a cause.
public struct RedFlag: Sendable, Equatable {
    /// The red flags the report looks for (docs/REPORT.md, "Red flags").
    public enum Kind: String, Sendable, CaseIterable {
        case mostDaysForTwoWeeks = "most-days-two-weeks"
        case lastingOverADay = "lasting-over-a-day"
        case intensifying
        case growingClusters = "growing-clusters"
        case spreading
        case oneSided = "one-sided"
        case rhythmicTremor = "rhythmic-tremor"
        case notedSymptoms = "noted-symptoms"

        public var title: String {
            switch self {
            case .mostDaysForTwoWeeks: "Twitching on most days for more than two weeks"
            case .lastingOverADay: "Twitching that kept coming back for more than 24 hours"
            case .intensifying: "Twitching is becoming more frequent"
            case .growingClusters: "Clusters of twitches are growing"
            case .spreading: "Twitching beyond the lip, or at more sites than before"
            case .oneSided: "Twitching on one side only"
            case .rhythmicTremor: "A rhythmic tremor pattern"
            case .notedSymptoms: "You noted weakness, drooping, trouble speaking or swallowing, or spreading"
            }
        }
    }

    /// The standard advice, the same for every flag.
    public static let advice =
        "These are facts from your recordings, not a diagnosis. When twitching shows a pattern like this, "
        + "the usual advice is to see a doctor: take this report with you."

    public let kind: Kind
    /// What in the data makes it hold, a sentence each.
    public let facts: [String]
}
