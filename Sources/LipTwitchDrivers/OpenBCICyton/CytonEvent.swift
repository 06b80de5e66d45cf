/// What `CytonStreamDecoder` found in the bytes, in order.
public enum CytonEvent: Sendable, Equatable {
    /// A data packet (after any `samplesLost` that comes before it).
    case packet(CytonPacket)
    /// Text that ended in `$$$`: the answer to a command.
    case reply(CytonReply)
    /// The sample number jumped: `count` samples (1 to 255) were lost before the packet
    /// that follows.
    case samplesLost(count: Int)
}
