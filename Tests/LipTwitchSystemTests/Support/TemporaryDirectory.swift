import Foundation
import LipTwitchSystem

/// A directory of its own under /tmp, removed with everything in it when the value goes.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/liptwitch-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TemporaryDirectoryError() }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

struct TemporaryDirectoryError: Error {}

/// This process's command name as `/proc/PID/comm` holds it (at most 15 characters).
let ownCommand = (try? String(contentsOfFile: "/proc/self/comm", encoding: .utf8))?
    .trimmingCharacters(in: .newlines) ?? ""

/// How many threads this process has now.
func threadCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
}

/// Tries `attempt` until it succeeds or `seconds` pass, pausing 10 ms between tries: for
/// a state another process may hold a moment longer (a child between fork and exec keeps
/// a copy of every descriptor, and of the locks on them).
func eventually<T>(within seconds: Double = 10, _ attempt: () throws -> T) throws -> T {
    let deadline = MonotonicClock.nanoseconds() + Int64(seconds * 1e9)
    while true {
        do {
            return try attempt()
        } catch where MonotonicClock.nanoseconds() < deadline {
            var nothing = PollSet()
            _ = try? nothing.wait(timeoutNanoseconds: 10_000_000)
        }
    }
}
