import LipTwitchJournal

/// The time stamp that starts a readable console line: seconds since the command started,
/// with one decimal, padded so that the text after it lines up (`+12.3s   `).
enum ElapsedTime {
    static func stamp(_ seconds: Double) -> String {
        let text = "+" + decimal(seconds) + "s"
        return text + String(repeating: " ", count: max(1, 10 - text.count))
    }

    /// `value` with one decimal.
    static func decimal(_ value: Double) -> String {
        FixedDecimal.text(value, places: 1)
    }
}
