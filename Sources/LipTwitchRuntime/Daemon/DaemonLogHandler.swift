import LipTwitchJournal
import LipTwitchSystem
import Logging

/// swift-log's handler for the daemon: one line per message on standard error, where
/// systemd collects it. When standard error is the journal (`JournalStream`), each line
/// starts with its syslog priority (`<4>dropped a watch client …`), so
/// `journalctl -p warning` filters and the journal keeps its own time stamps; on a terminal
/// or in a file, `14:05:03 liptwitch daemon: warning: dropped a watch client …`.
public struct DaemonLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let name: String
    private let toJournal: Bool
    private let clock: JournalClock

    /// `name` starts each line (`liptwitch daemon`); `clock` gives its time of day.
    public init(name: String, level: Logger.Level, clock: JournalClock, toJournal: Bool = JournalStream.isStandardError) {
        self.name = name
        self.clock = clock
        logLevel = level
        self.toJournal = toJournal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var text = "\(event.message)"
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }
        if !fields.isEmpty {
            text += " (" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
        }
        if toJournal {
            StandardError.write("<\(Self.priority(event.level))>\(text)")
        } else {
            let level = event.level == .info || event.level == .notice ? "" : "\(event.level): "
            StandardError.write("\(clock.now().timeOfDay) \(name): \(level)\(text)")
        }
    }

    /// syslog's priority for a level (sd-daemon(3)).
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
