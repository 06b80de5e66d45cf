/// What a `CytonStreamDecoder` has seen, every count cumulative since its init.
public struct CytonCounters: Sendable, Equatable {
    /// Every byte fed in.
    public var bytesReceived = 0
    /// Bytes that were neither a packet nor a reply: a packet cut by a lost byte, line
    /// noise, text that never ended in `$$$`.
    public var bytesDiscarded = 0
    public var packets = 0
    public var replies = 0
    /// Packets found right after discarded bytes: the times the decoder found its feet again.
    public var resyncs = 0
    /// Jumps of the sample number, and the samples they lost.
    public var sampleGaps = 0
    public var lostSamples = 0

    public init() {}
}
