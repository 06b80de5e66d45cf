import LipTwitchSystem
import Synchronization

/// Standard output for lines written from several threads (a link's consumer and the main
/// loop): each line whole, and out at once, since a person or a pipe follows it live.
final class LinePrinter: Sendable {
    private let output: Mutex<BufferedOutput>

    init() {
        output = Mutex(BufferedOutput())
    }

    /// True once the reader went away (`liptwitch link | head`): nothing more is worth
    /// printing.
    var isClosed: Bool {
        output.withLock { $0.isClosed }
    }

    func print(_ line: String) {
        output.withLock { output in
            try? output.write(line: line)
            try? output.flush()
        }
    }
}
