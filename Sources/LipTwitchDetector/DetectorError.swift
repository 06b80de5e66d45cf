/// A detector that cannot be made as asked, with the sentence that says what to change.
public struct DetectorError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
