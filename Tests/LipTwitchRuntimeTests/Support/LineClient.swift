import Foundation
import Glibc
import LipTwitchSystem
import TestSupport

/// A raw client of a Unix stream socket for tests: its lines, collected by a thread of its
/// own (or, with `reading: false`, never read at all: the slow client).
final class LineClient: @unchecked Sendable {
    private let descriptor: Int32
    private let recorder = try! Recorder<String>()
    private let ended = try! Recorder<Bool>()

    struct Missing: Error {}

    init(path: String, reading: Bool = true) throws {
        descriptor = try UnixConnector.connect(to: path)
        guard reading else { return }
        let descriptor = descriptor, recorder = recorder, ended = ended
        Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            var poll = PollSet()
            poll.add(descriptor)
            while true {
                _ = try? poll.wait(timeoutNanoseconds: 30_000_000_000)
                let count = read(descriptor, &buffer, buffer.count)
                if count == 0 || (count < 0 && errno != EAGAIN) { break }
                guard count > 0 else { continue }
                pending += buffer[0..<count]
                while let newline = pending.firstIndex(of: 0x0A) {
                    recorder.record(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            ended.record(true)
        }.start()
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    var lines: [String] { recorder.all }

    func send(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func wait(seconds: Double = 20, until condition: ([String]) -> Bool) -> Bool {
        recorder.wait(seconds: seconds, until: condition)
    }

    /// Waits until the server has closed the connection.
    func waitForEnd() -> Bool {
        ended.wait(seconds: 20) { !$0.isEmpty }
    }

    /// False once the server hung up (a write fails).
    var isOpen: Bool {
        let byte: [UInt8] = [0x0A]
        return Glibc.send(descriptor, byte, 1, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) >= 0 || errno == EAGAIN
    }
}
