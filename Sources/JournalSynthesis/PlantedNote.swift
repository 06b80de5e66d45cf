/// A note placed at a fixed moment of a synthetic journal: a symptom, for instance.
public struct PlantedNote: Sendable {
    public var day: Int
    public var hour: Int
    public var tags: [String]
    public var text: String

    public init(day: Int, hour: Int, tags: [String], text: String) {
        self.day = day
        self.hour = hour
        self.tags = tags
        self.text = text
    }
}
