import LipTwitchJournal

/// What the console knows of one sensor: its channels, its link and its latest levels.
struct SensorView {
    var placements: [String] = []
    var unit = "uV"
    var state = "?"
    var levels: [Double?] = []
    var levelTime: LocalTime?
    /// The last onset, to flash it while it is recent.
    var onset: (time: LocalTime, placement: String)?

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
        if let onset, let levelTime, levelTime.seconds(since: onset.time) < Self.flashSeconds {
            parts.append("● twitch \(Self.short(onset.placement, 0))")
        }
        return parts.joined(separator: "  ")
    }

    /// How long an onset stays lit.
    static let flashSeconds = 1.5

    /// `upper-left` → `UL`; a one-word placement keeps its channel number (`ch1`).
    static func short(_ placement: String, _ index: Int) -> String {
        let words = placement.split(separator: "-")
        guard words.count > 1 else { return placement == "unspecified" ? "ch\(index)" : placement }
        return String(words.compactMap(\.first)).uppercased()
    }
}
