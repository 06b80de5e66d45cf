import LipTwitchJournal

/// A note about a symptom that is a red flag by itself: weakness, drooping, trouble
/// speaking or swallowing, twitching felt beyond the lip.
public struct SymptomNote: Sendable, Equatable {
    /// Tags that make a note a symptom note (NoteTag.vocabulary).
    public static let tags: Set<String> = ["weakness", "drooping", "speech", "swallowing", "spreading"]

    public let at: LocalTime
    public let tags: [String]
    public let text: String
}
