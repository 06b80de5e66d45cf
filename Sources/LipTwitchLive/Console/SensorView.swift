import LipTwitchJournal

/// What the console knows of one sensor: its channels, its link and its latest levels.
struct SensorView {
    var placements: [String] = []
    var unit = "uV"
    var state = "?"
    var levels: [Double?] = []
    var levelTime: LocalTime?
    /// The last onset, lit for `flashSeconds` from when it arrived (in the levels' time).
    var onset: (placement: String, since: LocalTime)?
    /// A burst the detector announced as a possible twitch and has not decided on yet.
    var candidate: (placement: String, since: LocalTime)?

    /// `LT-0001 streaming  UL ▕██▌   ▏ 12 µV  UR ▕█     ▏ 4.0 µV  ● twitch UL`
    func status(named name: String) -> String {
        var parts = ["\(name) \(state)"]
        for (index, level) in levels.enumerated() {
            let label = index < placements.count ? Self.short(placements[index], index) : "ch\(index)"
            if let level {
                parts.append("\(label) \(LevelBar.bar(level, unit: unit)) \(LevelBar.reading(level, unit: unit))")
            } else {
                parts.append("\(label) –")
            }
        }
        if let onset, let levelTime, levelTime.seconds(since: onset.since) < Self.flashSeconds {
            parts.append("● twitch \(Self.short(onset.placement, 0))")
        } else if let candidate, let levelTime, levelTime.seconds(since: candidate.since) < Self.candidateSeconds {
            parts.append("○ twitch? \(Self.short(candidate.placement, 0))")
        }
        return parts.joined(separator: "  ")
    }

    /// How long an onset stays lit.
    static let flashSeconds = 1.5
    /// How long a candidate shows at most (the detector decides within about 8 s).
    static let candidateSeconds = 10.0

    /// `upper-left` → `UL`; a one-word placement keeps its channel number (`ch1`).
    static func short(_ placement: String, _ index: Int) -> String {
        let words = placement.split(separator: "-")
        guard words.count > 1 else { return placement == "unspecified" ? "ch\(index)" : placement }
        return String(words.compactMap(\.first)).uppercased()
    }
}
