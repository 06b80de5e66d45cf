import Foundation
import LipTwitchSystem

/// Facts about this test process, as `/proc` tells them.
public enum ProcessFacts {
    /// The command name as `/proc/PID/comm` holds it (at most 15 characters).
    public static let command = (try? String(contentsOfFile: "/proc/self/comm", encoding: .utf8))?
        .trimmingCharacters(in: .newlines) ?? ""

    /// The names of the process's threads now (`/proc/self/task/TID/comm`).
    public static var threadNames: [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.compactMap { task in
            (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .newlines)
        }
    }

    /// How many descriptors the process has open now.
    public static var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}

/// Tries `attempt` until it succeeds or `seconds` pass, pausing 10 ms between tries: for a
/// state another process may hold a moment longer (a child between fork and exec keeps a
/// copy of every descriptor, and of the locks on them).
public func eventually<T>(within seconds: Double = 10, _ attempt: () throws -> T) throws -> T {
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
