/// A twitch a signal source put into its samples: the truth a detector is measured against.
public struct SimulatedTwitch: Sendable, Equatable {
    /// Seconds.
    public var duration: Double
    /// Peak amplitude of the burst envelope, µV.
    public var amplitude: Double

    public init(duration: Double, amplitude: Double) {
        self.duration = duration
        self.amplitude = amplitude
    }
}
