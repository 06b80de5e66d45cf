#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals whose default action would kill the process where an error return is wanted.
public enum IgnoredSignals {
    /// A write to a closed pipe then fails with EPIPE instead of killing the process.
    public static func ignoreBrokenPipe() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// A write past the file size limit (`ulimit -f`, RLIMIT_FSIZE) then fails with EFBIG,
    /// which the journal reports, instead of killing the process with SIGXFSZ.
    public static func ignoreFileSizeLimit() {
        _ = signal(SIGXFSZ, SIG_IGN)
    }
}
