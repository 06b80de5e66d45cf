/// A signal of an EDF file that `EDFRecordingDecoder` does not deliver, and why (its
/// physical dimension is neither EMG nor acceleration, or an acceleration label names no
/// axis). The `EDF Annotations` signal is not listed: its annotations are delivered.
public struct EDFSkippedSignal: Sendable, Equatable, CustomStringConvertible {
    /// The signal's number in the header, from 1.
    public let number: Int
    public let label: String
    public let reason: String

    public var description: String { "signal \(number) '\(label)': \(reason)" }
}
