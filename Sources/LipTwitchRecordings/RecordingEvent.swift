/// What a `RecordingDecoder` yields: the format first and exactly once, then sample blocks
/// in order, with annotations among them.
public enum RecordingEvent: Sendable, Equatable {
    case format(RecordingFormat)
    case samples(SampleBlock)
    case annotation(RecordingAnnotation)
}
