import SystemPackage

/// A failed system call, phrased for the person at the keyboard: what failed, on which
/// path, and what to do about it.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    /// What LipTwitch was doing, e.g. `open '/tmp/dump.bin'`.
    public let operation: String
    /// The error number the kernel returned.
    public let errno: Errno

    public init(_ operation: String, _ errno: Errno) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "cannot \(operation): \(reason)\(advice.map { ". \($0)" } ?? "")"
    }

    private var reason: String {
        switch errno {
        case .noSuchFileOrDirectory: "no such file or directory"
        case .permissionDenied: "permission denied"
        case .isDirectory: "it is a directory"
        case .tooManySymbolicLinkLevels: "it is a symbolic link that leads back to itself"
        default: String(describing: errno).lowercased()
        }
    }

    private var advice: String? {
        switch errno {
        case .noSuchFileOrDirectory where operation.hasPrefix("create "):
            "Check the path: the directory it names must exist (mkdir -p makes it)"
        case .noSuchFileOrDirectory: "Check the path, or use - to read standard input"
        case .permissionDenied: "Check the file's owner and mode with ls -l"
        case .isDirectory: "Give the path of a file"
        case .tooManySymbolicLinkLevels: "Fix the link (ls -l shows where it points), or give the file's own path"
        default: nil
        }
    }
}
