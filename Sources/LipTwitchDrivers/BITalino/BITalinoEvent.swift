/// What `BITalinoStreamDecoder` found in the bytes, in order.
public enum BITalinoEvent: Sendable, Equatable {
    /// A frame whose CRC holds (after any `framesLost` that comes before it).
    case frame(BITalinoFrame)
    /// The answer to the version command: its text from "BITalino" to the line end
    /// ("BITalino_v5.1").
    case version(String)
    /// The sequence number jumped: `count` frames (1 to 15) were lost before the frame
    /// that follows.
    case framesLost(count: Int)
}
