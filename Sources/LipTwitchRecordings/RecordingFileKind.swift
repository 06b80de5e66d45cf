/// The kind of recording file, from its name's extension or else from its first bytes.
public enum RecordingFileKind: Sendable {
    case csv, edf

    /// Bytes `detect` wants to see when the name does not tell (fewer is fine at the end
    /// of a short input).
    public static let detectionByteCount = 256

    /// `.csv` and `.txt` are CSV, `.edf` (any case) is EDF; for other names (and `-`,
    /// standard input) an EDF header's version field (`0` and seven spaces) means EDF,
    /// and text with a comma in it means CSV. Nil: neither.
    public static func detect(fileName: String, firstBytes: ArraySlice<UInt8>) -> RecordingFileKind? {
        let name = fileName.lowercased()
        if name.hasSuffix(".edf") { return .edf }
        if name.hasSuffix(".csv") || name.hasSuffix(".txt") { return .csv }
        if firstBytes.starts(with: Array("0       ".utf8)) { return .edf }
        let isText = firstBytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return isText && firstBytes.contains(UInt8(ascii: ",")) ? .csv : nil
    }
}
