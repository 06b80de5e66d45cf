import LipTwitchJournal
import LipTwitchSystem

/// Reads one month file of the journal line by line from where it stopped last time, so a
/// follower can come back for what was appended since. Memory is one chunk and at most
/// one line carried between chunks.
struct MonthFileCursor: ~Copyable {
    let month: JournalMonth
    private var source: ByteSource
    private var splitter = LineSplitter()
    private(set) var lineNumber = 0

    init(directory: String, month: JournalMonth) throws(JournalError) {
        self.month = month
        let path = directory + "/" + month.fileName
        do {
            source = try ByteSource(path: path, chunkSize: 256 * 1024)
        } catch {
            throw JournalError("read the journal file '\(path)'", directory: directory, error.errno)
        }
    }

    /// Hands out every complete line written so far, with its line number.
    mutating func readAvailable(_ body: (LineSplitter.Line, Int) throws -> Void) throws {
        var splitter = self.splitter
        var lineNumber = self.lineNumber
        defer {
            self.splitter = splitter
            self.lineNumber = lineNumber
        }
        while try source.readChunk({ chunk in
            try chunk.withUnsafeBytes { bytes in
                try splitter.feed(bytes) { line in
                    lineNumber += 1
                    try body(line, lineNumber)
                }
            }
        }) {}
    }

    /// Once the file will not grow: its last line when it has no newline (torn by a crash).
    mutating func finish(_ body: (LineSplitter.Line, Int) throws -> Void) rethrows {
        let number = lineNumber + 1
        var handed = false
        try splitter.finish { line in
            handed = true
            try body(line, number)
        }
        if handed { lineNumber = number }
    }
}
