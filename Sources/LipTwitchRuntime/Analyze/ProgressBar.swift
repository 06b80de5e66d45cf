import LipTwitchSystem

/// A progress bar on standard error, redrawn in place, for a person at a terminal: it is
/// drawn only when standard error is one, and only when the shown percentage changes.
struct ProgressBar {
    private let label: String
    private let isShown: Bool
    private var shownPermille = -1

    init(label: String, isShown: Bool = SystemEnvironment.standardErrorIsTerminal) {
        self.label = label
        self.isShown = isShown
    }

    mutating func update(_ progress: RecordingProgress) {
        guard isShown, let fraction = progress.fraction else { return }
        let permille = Int(fraction * 1000)
        guard permille / 5 != shownPermille / 5 else { return }
        shownPermille = permille
        let width = 30
        let filled = permille * width / 1000
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        StandardError.write(unterminated: "\r\(label) [\(bar)] \(permille / 10)%")
    }

    /// Clears the bar so the next message starts on a clean line.
    func finish() {
        guard isShown, shownPermille >= 0 else { return }
        StandardError.write(unterminated: "\r" + String(repeating: " ", count: label.count + 40) + "\r")
    }
}
