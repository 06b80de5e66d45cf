import SystemPackage

/// The live stream's socket could not be set up or reached, phrased for the person at the
/// keyboard: what is wrong and what to do.
public struct LiveSocketError: Error, Sendable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// Nothing listens at the path: no daemon runs there.
        case noDaemon
        /// Another daemon holds the socket (its process id, when known).
        case inUse(pid: Int32?)
        case permissionDenied
        case pathTooLong
        /// Something else stands at the socket's path.
        case notASocket
        /// The socket's directory belongs to another user.
        case foreignDirectory
        case other(Errno)
    }

    public let problem: Problem
    public let path: String

    public init(_ problem: Problem, path: String) {
        self.problem = problem
        self.path = path
    }

    public var description: String {
        switch problem {
        case .noDaemon:
            "no liptwitch daemon is running (nothing listens on \(path)). Start one: `liptwitch daemon` in another "
                + "terminal, or `systemctl --user start liptwitch`; or try it all at once with `liptwitch demo`"
        case .inUse(let pid):
            "another liptwitch daemon\(pid.map { " (pid \($0))" } ?? "") is already serving \(path). Stop it first "
                + "(systemctl --user stop liptwitch\(pid.map { ", or kill \($0)" } ?? "")), or give this one "
                + "another --socket"
        case .permissionDenied:
            "cannot use the live socket \(path): permission denied (the stream is only for the user who runs the "
                + "daemon). Run this as that user, or give another --socket"
        case .pathTooLong:
            "the socket path \(path) is too long (a Unix socket path holds at most "
                + "\(UnixSocketAddress.maximumPathLength) bytes): give a shorter one with --socket"
        case .notASocket:
            "\(path) exists and is not a socket: move it away, or give another path with --socket"
        case .foreignDirectory:
            "the directory of \(path) belongs to another user: give a path in a directory of yours with --socket"
        case .other(let errno):
            "cannot use the live socket \(path): \(String(describing: errno).lowercased()). Give another path with "
                + "--socket"
        }
    }
}
