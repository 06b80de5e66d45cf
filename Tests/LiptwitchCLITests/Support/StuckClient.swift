import Foundation
import Glibc
import TestSupport

/// A live-stream client that connects and never reads: the slow client the daemon must drop
/// rather than wait for.
final class StuckClient {
    private let descriptor: Int32

    init(socket path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = UnixAddress(path: path)
        guard address.connect(descriptor) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    deinit {
        close(descriptor)
    }

    /// True once the daemon has hung up on it (a write then fails with EPIPE).
    var isClosedByTheDaemon: Bool {
        let descriptor = descriptor
        let closed: Bool? = try? eventually(within: 30) {
            let byte: [UInt8] = [0x0A]
            guard send(descriptor, byte, 1, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) < 0, errno == EPIPE else {
                throw POSIXError(.EAGAIN)
            }
            return true
        }
        return closed == true
    }
}

/// A `sockaddr_un` for a path, or for a name in the abstract namespace (`@name`).
struct UnixAddress {
    private var storage = sockaddr_un()
    private var length: socklen_t

    init(path: String) {
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: bytes) }
        length = socklen_t(MemoryLayout.offset(of: \sockaddr_un.sun_path)! + bytes.count + (bytes.first == 0 ? 0 : 1))
    }

    mutating func connect(_ descriptor: Int32) -> Int32 {
        let length = length
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, length) }
        }
    }

    mutating func bind(_ descriptor: Int32) -> Int32 {
        let length = length
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, length) }
        }
    }
}
