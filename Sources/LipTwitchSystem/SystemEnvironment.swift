#if canImport(Glibc)
import Glibc
#endif

/// The process's environment, user and terminals, as the system layer reads them: the one
/// place LipTwitch asks where things go (XDG directories, `$TMPDIR`) and who it is.
public enum SystemEnvironment {
    /// The value of an environment variable; nil when unset or empty.
    public static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// An XDG base directory variable (`XDG_CONFIG_HOME`, `XDG_DATA_HOME`,
    /// `XDG_RUNTIME_DIR`), or nil when it is unset, empty or relative: the XDG Base
    /// Directory specification says a relative path there is invalid and to be ignored.
    public static func xdgDirectory(_ name: String) -> String? {
        value(name).flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    /// `$HOME`, or the home directory in the user database.
    public static var homeDirectory: String? {
        if let home = value("HOME") { return home }
        guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// The effective user id.
    public static var userID: UInt32 {
        geteuid()
    }

    /// This process's id.
    public static var processID: Int32 { getpid() }

    /// The directory for temporary files: `$TMPDIR`, else `/tmp`.
    public static var temporaryDirectory: String {
        value("TMPDIR") ?? "/tmp"
    }

    /// Where LipTwitch keeps its settings: `$XDG_CONFIG_HOME/liptwitch`, else
    /// `~/.config/liptwitch`; nil when there is no home either.
    public static var configurationDirectory: String? {
        if let base = xdgDirectory("XDG_CONFIG_HOME") { return base + "/liptwitch" }
        return homeDirectory.map { $0 + "/.config/liptwitch" }
    }

    /// True when standard output is a terminal (a person reads it, not a program).
    public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// True when standard error is a terminal (progress bars go there, for a person).
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The width of the terminal standard output is, for a line redrawn in place; nil when
    /// it is not a terminal, or one that cannot redraw (`TERM=dumb` or unset).
    public static var redrawableTerminalColumns: Int? {
        guard standardOutputIsTerminal, let term = value("TERM"), term != "dumb" else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
