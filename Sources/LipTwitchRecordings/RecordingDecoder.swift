/// A single-step streaming decoder of a recording file: bytes in, in chunks of any size;
/// events out, one per call. Memory stays the same however long the file is.
///
/// ```swift
/// var input = chunk[...]
/// while let event = try decoder.decode(&input) { handle(event) }
/// // at the end of the file:
/// while let event = try decoder.finish() { handle(event) }
/// ```
///
/// The events do not depend on how the bytes were cut into chunks.
public protocol RecordingDecoder: Sendable {
    /// Same single-step contract as the protocol decoder: consumes input until one event is ready; nil = need more bytes.
    mutating func decode(_ input: inout ArraySlice<UInt8>) throws(RecordingError) -> RecordingEvent?
    /// End of input: returns remaining events one per call, then nil; throws if the file ended in a way that is an error (e.g. EDF cut mid-record: say so, but deliver what was complete first).
    mutating func finish() throws(RecordingError) -> RecordingEvent?
}
