import JSONLines

/// The two fields of a live line its readers filter on: its class and its sensor.
public struct LiveLineFields: Sendable {
    /// nil for a class this version does not know.
    public var liveClass: LiveClass?
    public var sensor: String?

    /// nil when `line` is not a JSON object with a `class`.
    public init?(line: String) {
        guard let node = try? JSONNode(parsing: line), let className = node["class"]?.string else { return nil }
        liveClass = LiveClass(rawValue: className)
        sensor = node["sensor"]?.string
    }
}
