import LipTwitchProtocol

/// A driver's decoder: what a board sends, in bytes of any chunking, turned into the
/// link's vocabulary (the LipTwitch protocol's messages, `DeviceMessage`), one event at a
/// time. Every byte it drops is counted; it never throws.
///
/// A board without a message the link waits for says it another way, and the decoder
/// translates: the OpenBCI Cyton's reset banner is its IDENTITY, its first packet after a
/// reply is the acknowledgement of START (docs/DEVICES.md, "Adding a driver").
public protocol DeviceDecoding: Sendable {
    /// Consumes bytes from the front of `input` until one event is ready and returns it;
    /// nil once `input` is used up (a partial frame is kept for the next bytes).
    mutating func decode(_ input: inout ArraySlice<UInt8>) -> DecoderEvent<DeviceMessage>?
    /// Starts afresh (a new connection): a partial frame is dropped and counted, and the
    /// next frame sets the sequence expectation.
    mutating func reset()
    /// Drops a partial frame (counted as discarded) but keeps the sequence expectation.
    mutating func dropPartialFrame()
    /// Bytes of a partial frame held for the next read.
    var bufferedByteCount: Int { get }
    /// Every count since init.
    var counters: DecoderCounters { get }
}

extension DeviceDecoding {
    /// Whether `bytes` complete the partial frame held (or leave it partial) rather than
    /// show it was broken: tried on a copy.
    public func completesPartialFrame(with bytes: [UInt8]) -> Bool {
        var trial = self
        var input = bytes[...]
        guard case .frameError = trial.decode(&input) else { return true }
        return false
    }
}
