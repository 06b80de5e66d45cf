/// The port a `LinkCore` performs its actions on: a real serial port for a live link, the
/// capture for a replayed one. Each call says how it went; the core turns a failure into
/// the state machine's input (an open that failed, a hang-up).
public protocol LinkPort {
    /// Opens the port at `path` at `lineRate` baud; nil when it worked, else why not.
    mutating func open(path: String, lineRate: Int) -> OpenFailure?
    /// Changes the open port's line rate; nil when it worked, else what went wrong.
    mutating func setLineRate(_ lineRate: Int) -> String?
    /// Writes `bytes`; nil when it worked, else what went wrong.
    mutating func write(_ bytes: [UInt8]) -> String?
    /// Discards what the port received and nobody read yet (`tcflush`).
    mutating func flushInput()
    mutating func close()
}
