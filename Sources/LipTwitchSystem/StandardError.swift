import SystemPackage

/// Messages for people, unbuffered on standard error, away from machine-readable output.
public enum StandardError {
    /// Writes `message` and a newline; a closed standard error is ignored.
    public static func write(_ message: String) {
        _ = try? FileDescriptor.standardError.writeAll((message + "\n").utf8)
    }

    /// Writes `text` as it is, without a newline (a progress bar redrawn in place).
    public static func write(unterminated text: String) {
        _ = try? FileDescriptor.standardError.writeAll(text.utf8)
    }
}
