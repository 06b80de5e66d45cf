#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Following symbolic links, as `/dev/serial/by-id/...` and `/dev/liptwitch/...` are.
public enum SymbolicLinks {
    /// The absolute path `path` leads to after every link is followed; nil when nothing is there.
    public static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
