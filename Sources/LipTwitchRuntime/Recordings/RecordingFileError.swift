import LipTwitchRecordings

/// Why `RecordingReader` could not read a recording, as one sentence naming the file.
/// Failures to open or read the file itself are `SystemError`s.
public enum RecordingFileError: Error, Sendable, CustomStringConvertible {
    /// Neither the name nor the first bytes say CSV or EDF.
    case unknownKind(name: String)
    /// The file is CSV or EDF but broken where the `RecordingError` says.
    case malformed(name: String, RecordingError)

    public var description: String {
        switch self {
        case .unknownKind(let name):
            "cannot tell what kind of recording \(name) is: give a .csv or .edf file"
        case .malformed(let name, let error):
            "cannot read \(name): \(error)"
        }
    }
}
