/// Which program wrote a record: `liptwitch daemon`, `liptwitch note`, another tool.
public struct RecordSource: Sendable, Hashable {
    /// The program and, for LipTwitch, its subcommand: `liptwitch note`.
    public var tool: String
    /// Its version: `0.1.0`.
    public var version: String

    public init(tool: String, version: String) {
        self.tool = tool
        self.version = version
    }
}
