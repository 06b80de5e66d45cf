import LipTwitchProtocol

/// How a Cyton is worn: which of its eight channels has the lip's electrodes, and where on
/// the lip they sit. The channel runs at the gain a reset leaves (24), which is the gain
/// the samples are scaled with.
public struct CytonSettings: Sendable, Hashable {
    /// The channel (1 to 8, as printed on the board: N1P...N8P) with the lip's electrodes.
    public var lipChannel: Int
    public var placement: Placement

    /// The channels a lip may be on.
    public static let channels = 1...CytonPacket.channelCount

    /// Stops the program when `lipChannel` is not 1 to 8 (the CLI checks it first).
    public init(lipChannel: Int = 1, placement: Placement = .unspecified) {
        precondition(Self.channels.contains(lipChannel), "a Cyton has channels 1 to 8, not \(lipChannel)")
        self.lipChannel = lipChannel
        self.placement = placement
    }
}
