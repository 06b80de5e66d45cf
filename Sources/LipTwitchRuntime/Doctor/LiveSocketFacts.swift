/// The live stream's socket: whether it is there and whether a daemon answers on it.
public struct LiveSocketFacts: Sendable, Equatable {
    public var path: String
    public var exists: Bool
    public var answers: Bool

    public init(path: String, exists: Bool, answers: Bool) {
        self.path = path
        self.exists = exists
        self.answers = answers
    }
}
