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
}
