/// Where a line is: its file's name and its line number, from 1.
public struct LineLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `2026-11.jsonl:17`.
    public var description: String { "\(file):\(line)" }
}
