import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A Unix stream socket listening at a path, for its owner only: the socket is 0600
/// (connecting needs write permission on it), in a directory created 0700. One process at a
/// time: a lock file beside the socket (`PATH.lock`, holding the process id) is held while
/// it listens, so a second daemon is told who has the socket, and a socket left behind by
/// one that crashed is replaced.
public final class UnixListener: Sendable {
    public let path: String
    /// The listening descriptor (non-blocking, close-on-exec), for the event loop that
    /// accepts on it and then owns it.
    public let descriptor: Int32
    private let lockDescriptor: Int32

    /// Listens at `path`. With `privateDirectory` (the default location) the directory
    /// must be the caller's and is made 0700 if it is not; otherwise (a path the person
    /// chose) a missing directory is created 0700 and an existing one is left as it is.
    public init(path: String, privateDirectory: Bool) throws(LiveSocketError) {
        guard let address = UnixSocketAddress(path: path) else { throw LiveSocketError(.pathTooLong, path: path) }
        try Self.prepareDirectory(of: path, private: privateDirectory)
        let lockDescriptor = try Self.lock(path)
        do throws(LiveSocketError) {
            try Self.removeStale(path)
            descriptor = try Self.listen(path, address)
        } catch {
            close(lockDescriptor)
            throw error
        }
        self.path = path
        self.lockDescriptor = lockDescriptor
    }

    /// Removes the socket and its lock file; the descriptor is the event loop's to close.
    /// Call it once the server has stopped.
    public func remove() {
        unlink(path)
        unlink(path + ".lock")
        close(lockDescriptor)
    }

    private static func prepareDirectory(of path: String, private: Bool) throws(LiveSocketError) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        let name = directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory
        if mkdir(name, 0o700) == 0 { return }
        let error = Errno.latest
        guard error == .fileExists else { throw failure(error, path) }
        guard `private` else { return }
        var status = stat()
        guard stat(name, &status) == 0 else { throw failure(.latest, path) }
        guard status.st_uid == geteuid() else { throw LiveSocketError(.foreignDirectory, path: path) }
        if status.st_mode & 0o077 != 0, chmod(name, 0o700) != 0 { throw failure(.latest, path) }
    }

    /// Takes the lock beside the socket and writes this process's id in it.
    private static func lock(_ path: String) throws(LiveSocketError) -> Int32 {
        let lockPath = path + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(.latest, path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let error = Errno.latest
            var text = [UInt8](repeating: 0, count: 16)
            let count = read(descriptor, &text, text.count)
            close(descriptor)
            guard error == .wouldBlock else { throw failure(error, path) }
            let pid = Int32(String(decoding: text.prefix(max(0, count)), as: UTF8.self).filter(\.isNumber))
            throw LiveSocketError(.inUse(pid: pid), path: path)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        return descriptor
    }

    /// Removes a socket a crashed daemon left (the lock says no one serves it).
    private static func removeStale(_ path: String) throws(LiveSocketError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else { throw LiveSocketError(.notASocket, path: path) }
        guard unlink(path) == 0 else { throw failure(.latest, path) }
    }

    private static func listen(_ path: String, _ address: UnixSocketAddress) throws(LiveSocketError) -> Int32 {
        let descriptor = socket(
            AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw failure(.latest, path) }
        // Linux gives the socket file the mode of the socket's inode (less the umask): set
        // before bind, there is no moment at which another user could connect.
        _ = fchmod(descriptor, 0o600)
        let bound = address.withSocketAddress { bind(descriptor, $0, $1) }
        guard bound == 0, chmod(path, 0o600) == 0, Glibc.listen(descriptor, 64) == 0 else {
            let error = Errno.latest
            close(descriptor)
            throw failure(error, path)
        }
        return descriptor
    }

    static func failure(_ errno: Errno, _ path: String) -> LiveSocketError {
        switch errno {
        case .permissionDenied, .notPermitted, .readOnlyFileSystem: LiveSocketError(.permissionDenied, path: path)
        case .noSuchFileOrDirectory, .connectionRefused: LiveSocketError(.noDaemon, path: path)
        case .notDirectory: LiveSocketError(.notASocket, path: path)
        default: LiveSocketError(.other(errno), path: path)
        }
    }
}
