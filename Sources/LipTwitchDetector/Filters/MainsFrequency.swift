/// Which mains frequency the notches remove.
public enum MainsFrequency: Sendable, Hashable, Codable {
    /// Found from the signal: both 50 and 60 Hz notch combs run until one frequency
    /// clearly dominates, and the choice keeps being checked (`MainsTracker`).
    case automatic
    /// Always 50 Hz (Europe, most of Asia and Africa) or 60 Hz (the Americas, parts of Asia).
    case hz50
    case hz60
    /// No notches (a battery sensor far from any cable, or a recording already filtered).
    case off
}
