/// Tags on notes: a documented vocabulary that reports understand, plus any word the
/// person chooses. Tags are lower case, letters, digits and `-`.
public enum NoteTag {
    /// Tags the reports know, with what each is for (docs/JOURNAL.md, "Tags").
    public static let vocabulary: [(tag: String, meaning: String)] = [
        ("caffeine", "coffee, tea, energy drinks; amount in mg or cups"),
        ("alcohol", "drinks; amount in drinks or ml"),
        ("sleep", "a night's sleep; amount in h"),
        ("stress", "a stressful moment or day"),
        ("dehydration", "too little to drink"),
        ("meal", "a meal, or a missed one"),
        ("medication", "a medicine taken, started, changed or stopped; amount in mg"),
        ("dental", "dental work"),
        ("screen", "long screen time, eye strain"),
        ("exercise", "physical effort"),
        ("weakness", "weakness of the face (a red flag)"),
        ("drooping", "drooping of the mouth or eyelid (a red flag)"),
        ("speech", "trouble speaking (a red flag)"),
        ("swallowing", "trouble swallowing (a red flag)"),
        ("spreading", "twitching felt beyond the lip: eyelid, cheek, jaw (a red flag)"),
    ]

    /// `tag` in its stored form (lower case), or nil when it has other characters or is
    /// empty or longer than 40 characters.
    public static func normalized(_ tag: String) -> String? {
        let lower = tag.lowercased()
        guard (1...40).contains(lower.count),
            lower.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return nil }
        return lower
    }
}
