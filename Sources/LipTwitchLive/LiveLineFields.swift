#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The two fields of a live line its readers filter on: its class and its sensor.
public struct LiveLineFields: Sendable {
    /// nil for a class this version does not know.
    public var liveClass: LiveClass?
    public var sensor: String?

    /// nil when `line` is not a JSON object with a `class`.
    public init?(line: String) {
        guard let fields = try? JSONDecoder().decode(Fields.self, from: Data(line.utf8)) else { return nil }
        liveClass = LiveClass(rawValue: fields.class)
        sensor = fields.sensor
    }

    private struct Fields: Decodable {
        var `class`: String
        var sensor: String?
    }
}
