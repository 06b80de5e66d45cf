import SystemPackage

/// The journal could not be read or written, phrased for the person at the keyboard: what
/// failed, on which path, and what to do. `problem` lets a caller act on it (the daemon
/// keeps its records and retries; `liptwitch note` exits with the sentence).
public struct JournalError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in the terms a caller decides on.
    public enum Problem: Sendable, Equatable {
        /// No space left on the device, or the disk quota is used up.
        case full
        /// The file reached the size limit of this process (`ulimit -f`, RLIMIT_FSIZE).
        case fileTooLarge
        /// The file system is mounted read-only.
        case readOnly
        /// No permission (another user's directory, a wrong mode, an immutable file).
        case permissionDenied
        /// Something that is not a directory stands where the journal directory should be.
        case notADirectory
        case other
    }

    /// What LipTwitch was doing: `write the journal file '/…/2026-11.jsonl'`.
    public let operation: String
    /// The journal directory, for the advice.
    public let directory: String
    public let errno: Errno

    public init(_ operation: String, directory: String, _ errno: Errno) {
        self.operation = operation
        self.directory = directory
        self.errno = errno
    }

    public var problem: Problem {
        switch errno {
        case .noSpace, .diskQuotaExceeded: .full
        case .fileTooLarge: .fileTooLarge
        case .readOnlyFileSystem: .readOnly
        case .permissionDenied, .notPermitted: .permissionDenied
        case .notDirectory, .fileExists: .notADirectory
        default: .other
        }
    }

    public var description: String {
        "cannot \(operation): \(reason). \(advice)"
    }

    private var reason: String {
        switch errno {
        case .noSpace: "the disk is full"
        case .diskQuotaExceeded: "the disk quota is used up"
        case .fileTooLarge: "the file reached the largest size this process may write (ulimit -f)"
        case .readOnlyFileSystem: "the file system is read-only"
        case .permissionDenied, .notPermitted: "permission denied"
        case .notDirectory, .fileExists: "something that is not a directory is in the way"
        case .ioError: "an input/output error (the disk may be failing)"
        default: String(describing: errno).lowercased()
        }
    }

    private var advice: String {
        switch problem {
        case .full: "Free some space on that disk, or give another directory with --journal DIR"
        case .fileTooLarge: "Raise the limit (ulimit -f unlimited), or give another directory with --journal DIR"
        case .readOnly: "Remount it read-write, or give another directory with --journal DIR"
        case .permissionDenied:
            "Check the owner and mode with ls -ld '\(directory)' (it should be yours, mode 700), "
                + "or give another directory with --journal DIR"
        case .notADirectory: "Move it away, or give another directory with --journal DIR"
        case .other: "Check the disk and the journal directory '\(directory)', or give another with --journal DIR"
        }
    }
}
