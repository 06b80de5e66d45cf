import LipTwitchSystem

/// Standard output for the live console: whole lines, and on a terminal one status line
/// kept below them, redrawn in place (carriage return, erase to the end of the line).
struct TerminalOutput: Sendable {
    private var status: String?

    /// Prints `text` above the status line.
    mutating func line(_ text: String) {
        write((status == nil ? "" : Self.erase) + text + "\n" + (status ?? ""))
    }

    /// Replaces the status line.
    mutating func status(_ text: String) {
        guard text != status else { return }
        status = text
        write(Self.erase + text)
    }

    /// Erases the status line, leaving the terminal as it was.
    mutating func finish() {
        if status != nil { write(Self.erase) }
        status = nil
    }

    private static let erase = "\r\u{1B}[K"

    private func write(_ text: String) {
        let output = BufferedOutput(capacity: text.utf8.count + 1)
        try? output.write(bytes: Array(text.utf8))
        try? output.flush()
    }
}
