import JSONLines

/// The fields of the live stream's own lines (`version`, `link`, `onset`, `candidate`,
/// `level`, `counters`, `error`) that the console shows; lines of the journal's classes are read by
/// the journal's decoder. Fields a class does not have are nil.
struct LiveMessage {
    var `class`: String
    var time: String?
    var sensor: String?
    /// version
    var `protocol`: String?
    var daemon: String?
    /// link
    var path: String?
    var phase: String?
    var message: String?
    /// onset, candidate
    var channel: Int?
    var placement: String?
    /// candidate: `announced` or `dismissed`, and why
    var event: String?
    var reason: String?
    /// marker
    var kind: String?
    /// level
    var unit: String?
    /// A level line's `rms`: one reading per channel (nil for a channel without one). An
    /// onset's or a candidate's `rms` is one number, the burst's, and reads as none here.
    var rms: [Double?]?

    /// nil when `line` is not a JSON object with a `class`.
    init?(_ line: String) {
        guard let node = try? JSONNode(parsing: line), let className = node["class"]?.string else { return nil }
        `class` = className
        time = node["time"]?.string
        sensor = node["sensor"]?.string
        `protocol` = node["protocol"]?.string
        daemon = node["daemon"]?.string
        path = node["path"]?.string
        phase = node["phase"]?.string
        message = node["message"]?.string
        channel = node["channel"]?.number.flatMap { Int(exactly: $0) }
        placement = node["placement"]?.string
        event = node["event"]?.string
        reason = node["reason"]?.string
        kind = node["kind"]?.string
        unit = node["unit"]?.string
        rms = node["rms"]?.array?.map(\.number)
    }
}
