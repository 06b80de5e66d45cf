#if canImport(Glibc)
import Glibc
#endif

/// What the process knows about where it runs.
public enum Environment {
    /// This process's id.
    public static var processID: Int32 { getpid() }

    /// The directory for temporary files: `$TMPDIR`, else `/tmp`.
    public static var temporaryDirectory: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// True when standard output is a terminal (a person reads it, not a program).
    public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// True when standard error is a terminal (progress bars go there, for a person).
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Where LipTwitch keeps its settings: `$XDG_CONFIG_HOME/liptwitch`, else
    /// `$HOME/.config/liptwitch`; nil when neither variable is set.
    public static var configurationDirectory: String? {
        func variable(_ name: String) -> String? {
            getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let base = variable("XDG_CONFIG_HOME") { return base + "/liptwitch" }
        return variable("HOME").map { $0 + "/.config/liptwitch" }
    }

    /// The width of the terminal standard output is, for a line redrawn in place; nil when
    /// it is not a terminal, or one that cannot redraw (`TERM=dumb` or unset).
    public static var redrawableTerminalColumns: Int? {
        guard standardOutputIsTerminal, let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty,
            term != "dumb"
        else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
