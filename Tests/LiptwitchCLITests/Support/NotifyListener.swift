import Foundation
import Glibc
import TestSupport

/// systemd's side of sd_notify, for a test: a datagram socket at a path or an abstract name
/// (`@name`), and every message that arrives on it, in order.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    private let recorder = try! Recorder<String>()
    private let reader: Thread
    private let finished = DispatchSemaphore(value: 0)

    init(path: String) throws {
        self.path = path
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = UnixAddress(path: path)
        guard address.bind(descriptor) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        self.descriptor = descriptor
        let recorder = recorder
        let finished = finished
        reader = Thread {
            defer { finished.signal() }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !Thread.current.isCancelled {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count > 0 { recorder.record(String(decoding: buffer[0..<count], as: UTF8.self)) }
            }
        }
        reader.start()
    }

    deinit {
        reader.cancel()
        finished.wait()
        close(descriptor)
    }

    var messages: [String] {
        recorder.all
    }

    /// Waits until `condition` holds for the messages so far.
    func wait(seconds: Double, until condition: ([String]) -> Bool) -> Bool {
        recorder.wait(seconds: seconds, until: condition)
    }
}
