/// A note the recording carries at a time, such as an EDF+ annotation ("lip press").
public struct RecordingAnnotation: Sendable, Equatable {
    /// Seconds from the start of the recording.
    public var onsetSeconds: Double
    /// How long it lasts, when the file says.
    public var durationSeconds: Double?
    /// The annotation's text.
    public var text: String

    public init(onsetSeconds: Double, durationSeconds: Double? = nil, text: String) {
        self.onsetSeconds = onsetSeconds
        self.durationSeconds = durationSeconds
        self.text = text
    }
}
