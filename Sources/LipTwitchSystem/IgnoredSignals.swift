#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals whose default action would kill the process where an error return is wanted.
enum IgnoredSignals {
    /// A write to a closed pipe then fails with EPIPE instead of killing the process.
    static func ignoreBrokenPipe() {
        _ = signal(SIGPIPE, SIG_IGN)
    }
}
