#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LipTwitchJournal

/// A signal level as a short bar for a terminal: logarithmic, two cells a decade, eighths
/// of a cell drawn with the block characters (`▕███▍  ▏`).
enum LevelBar {
    /// Cells in a bar.
    static let cells = 6

    /// The bar for `value` in `unit` (`uV`: 1 µV to 1 mV; `g`: 1 mg to 1 g).
    static func bar(_ value: Double, unit: String) -> String {
        let floor = unit == "g" ? 0.001 : 1.0
        let decades = value > floor ? log10(value / floor) : 0.0
        let eighths = Int((min(decades * 2, Double(cells)) * 8).rounded())
        var text = "▕"
        for cell in 0..<cells {
            let filled = min(8, max(0, eighths - cell * 8))
            text += filled == 0 ? " " : partial[filled - 1]
        }
        return text + "▏"
    }

    /// `12 µV`, `0.35 g`: the reading beside the bar.
    static func reading(_ value: Double, unit: String) -> String {
        if unit == "g" { return FixedDecimal.text(value, places: value < 0.1 ? 3 : 2) + " g" }
        return FixedDecimal.text(value, places: value < 10 ? 1 : 0) + " µV"
    }

    private static let partial = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

}
