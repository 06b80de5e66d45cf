import LipTwitchProtocol

/// How many messages of each kind a stream held, in the order the protocol lists them.
public struct MessageTally: Sendable, Equatable {
    public private(set) var identities = 0
    public private(set) var sampleBatches = 0
    public private(set) var samplesPerChannel = 0
    public private(set) var statuses = 0
    public private(set) var markers = 0
    public private(set) var acks = 0
    public private(set) var errors = 0
    public private(set) var pongs = 0

    public init() {}

    mutating func count(_ event: DecoderEvent<DeviceMessage>) {
        guard case .message(let message, _) = event else { return }
        switch message {
        case .identity: identities += 1
        case .samples(let batch):
            sampleBatches += 1
            samplesPerChannel += batch.sampleCount
        case .status: statuses += 1
        case .marker: markers += 1
        case .ack: acks += 1
        case .error: errors += 1
        case .pong: pongs += 1
        }
    }

    /// Pairs of (JSON key, count), in protocol order.
    var fields: [(String, Int)] {
        [("identity", identities), ("samples", sampleBatches), ("status", statuses), ("marker", markers),
         ("ack", acks), ("error", errors), ("pong", pongs)]
    }
}
