/// What a `MessageStreamDecoder` has seen, every count cumulative since its init
/// (`reset()` keeps them): the figures a link-quality report is made of.
public struct DecoderCounters: Sendable, Equatable {
    /// Every byte fed in.
    public var bytesReceived = 0
    /// Wire bytes (delimiter included) of every candidate not delivered as a message:
    /// dropped, skipped (unknown type, malformed) or forgotten by `reset()`.
    public var bytesDiscarded = 0
    /// Intact frames delivered as messages.
    public var framesDecoded = 0
    public var crcFailures = 0
    public var invalidEncodings = 0
    public var runts = 0
    public var oversizeFrames = 0
    public var unsupportedVersions = 0
    public var unknownMessageTypes = 0
    public var malformedPayloads = 0
    /// Messages delivered right after one or more dropped or skipped candidates: the times
    /// the decoder found its feet again.
    public var resyncs = 0
    public var sequenceGaps = 0
    /// Frames the sequence gaps say were lost.
    public var lostFrames = 0
    public var sequenceResets = 0

    public init() {}

    /// Counts a candidate that was not delivered, by its error, and its wire bytes.
    @usableFromInline
    mutating func recordRejection(_ error: FrameError, wireByteCount: Int) {
        bytesDiscarded += wireByteCount
        switch error {
        case .oversize: oversizeFrames += 1
        case .invalidEncoding: invalidEncodings += 1
        case .runt: runts += 1
        case .crcMismatch: crcFailures += 1
        case .unsupportedVersion: unsupportedVersions += 1
        case .unknownMessageType: unknownMessageTypes += 1
        case .malformedPayload: malformedPayloads += 1
        }
    }
}
