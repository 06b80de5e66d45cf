import LipTwitchProtocol

/// What a pipeline has seen so far, every count cumulative since it began: the decoder's
/// byte and frame counts, and the samples, gaps and streams behind them.
public struct PipelineCounters: Sendable, Equatable {
    public var decoder = DecoderCounters()
    /// Reads of the port, and the hang-ups.
    public var reads = 0
    public var hangUps = 0
    public var streams = 0
    public var batches = 0
    /// Samples per channel received in streams.
    public var samples: UInt64 = 0
    /// Batches that arrived outside a stream (before START was acknowledged, after STOP):
    /// stale, and not analysed.
    public var staleBatches = 0
    public var gaps = 0
    /// Samples per channel known missing inside streams.
    public var missingSamples: UInt64 = 0
    public var markers = 0

    public init() {}
}
