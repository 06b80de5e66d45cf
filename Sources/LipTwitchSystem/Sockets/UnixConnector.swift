import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The client's end: connects to a Unix stream socket, with the reason in people's words
/// when no one listens there.
public enum UnixConnector {
    /// A connected descriptor (non-blocking, close-on-exec), for the event loop that reads
    /// it and then owns it.
    public static func connect(to path: String) throws(LiveSocketError) -> Int32 {
        guard let address = UnixSocketAddress(path: path) else { throw LiveSocketError(.pathTooLong, path: path) }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw UnixListener.failure(.latest, path) }
        // Blocking for the connect (a Unix socket connects at once or fails at once).
        let connected = address.withSocketAddress { Glibc.connect(descriptor, $0, $1) }
        guard connected == 0 else {
            let error = Errno.latest
            close(descriptor)
            throw UnixListener.failure(error, path)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return descriptor
    }

    /// True when something accepts a connection at `path` now (the connection is closed at once).
    public static func answers(at path: String) -> Bool {
        guard let descriptor = try? connect(to: path) else { return false }
        close(descriptor)
        return true
    }
}
