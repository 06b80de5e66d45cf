/// Faults a simulated sensor injects into its byte stream, each a probability per frame,
/// so that every recovery path of the host can be exercised on purpose.
public struct FaultInjection: Sendable, Equatable {
    /// Chance that a burst of random bytes is sent before a frame.
    public var garbage: Double
    /// Chance that one bit of a frame is flipped on the wire.
    public var bitFlip: Double
    /// Chance that a frame is never sent (the sequence number still advances).
    public var drop: Double

    public init(garbage: Double = 0, bitFlip: Double = 0, drop: Double = 0) {
        self.garbage = garbage
        self.bitFlip = bitFlip
        self.drop = drop
    }

    /// No faults: a perfect link.
    public static let none = FaultInjection()

    public var isNone: Bool { self == .none }
}
