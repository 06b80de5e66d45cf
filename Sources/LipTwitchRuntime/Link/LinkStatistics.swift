import LipTwitchLink
import LipTwitchProtocol

/// A snapshot of a `SensorLink`: its phase and every count since it started, across
/// reconnects.
public struct LinkStatistics: Sendable, Equatable {
    public var phase: LinkPhase = .absent
    public var link = LinkCounters()
    /// Byte-level counts: bytes, CRC failures, garbage discarded, resyncs, lost frames.
    public var decoder = DecoderCounters()
    public var batches = 0
    /// Samples per channel delivered.
    public var samples: UInt64 = 0
    /// Gaps in the sample index, and the samples per channel they lost.
    public var gaps = 0
    public var missingSamples: UInt64 = 0
    /// The sensor clock's rate error against the host's, as estimated now.
    public var driftPartsPerMillion = 0.0

    public init() {}
}
