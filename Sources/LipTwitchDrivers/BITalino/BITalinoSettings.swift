import LipTwitchProtocol

/// How a BITalino is worn: which analog input (A1 to A6) the EMG sensor on the lip is
/// plugged into, and where on the lip its electrodes sit. Only that input is acquired, so
/// its samples arrive at the full 10 bits whichever input it is.
public struct BITalinoSettings: Sendable, Hashable {
    /// The analog input (1 to 6, as printed on the board: A1...A6) with the lip's EMG sensor.
    public var lipChannel: Int
    public var placement: Placement

    /// The inputs a lip may be on.
    public static let channels = 1...6

    /// Stops the program when `lipChannel` is not 1 to 6 (the CLI checks it first).
    public init(lipChannel: Int = 1, placement: Placement = .unspecified) {
        precondition(Self.channels.contains(lipChannel), "a BITalino has analog inputs A1 to A6, not A\(lipChannel)")
        self.lipChannel = lipChannel
        self.placement = placement
    }
}
