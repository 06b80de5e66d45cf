/// Faults a simulated sensor injects, so that every recovery path of the host can be
/// exercised on purpose: per-frame chances of garbage, bit flips and lost frames, and
/// scheduled events (a stall, an unplug) counted from the first START.
public struct FaultInjection: Sendable, Equatable {
    /// Chance that a burst of random bytes is sent before a frame.
    public var garbage: Double
    /// Chance that one bit of a frame is flipped on the wire.
    public var bitFlip: Double
    /// Chance that a frame is never sent (the sequence number still advances).
    public var drop: Double
    /// The sensor goes silent this long after the first START: it sends nothing and
    /// ignores every byte (its samples are lost, counted as overruns), then carries on.
    public var stall: Stall?
    /// The sensor is unplugged this many seconds after the first START (the runtime that
    /// serves it performs the unplug).
    public var disconnectAfter: Double?

    /// A stretch of silence: when it starts (seconds after the first START) and how long
    /// it lasts.
    public struct Stall: Sendable, Equatable {
        public var after: Double
        public var duration: Double

        public init(after: Double, duration: Double) {
            self.after = after
            self.duration = duration
        }
    }

    public init(
        garbage: Double = 0, bitFlip: Double = 0, drop: Double = 0, stall: Stall? = nil,
        disconnectAfter: Double? = nil
    ) {
        self.garbage = garbage
        self.bitFlip = bitFlip
        self.drop = drop
        self.stall = stall
        self.disconnectAfter = disconnectAfter
    }

    /// No faults: a perfect link.
    public static let none = FaultInjection()

    /// True when no frame is ever damaged, lost or preceded by garbage.
    public var damagesNoFrame: Bool { garbage == 0 && bitFlip == 0 && drop == 0 }
}
