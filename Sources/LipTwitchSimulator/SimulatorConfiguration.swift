import LipTwitchProtocol

/// What a simulated sensor is and how it misbehaves; the defaults describe a two-channel
/// EMG sensor on the upper lip, sampling at 2 kHz, on a perfect link.
public struct SimulatorConfiguration: Sendable {
    /// Seeds the signal and the faults: the same seed gives the same bytes.
    public var seed: UInt64 = 1
    public var sampleRateHz = 2000
    /// Samples per channel in one SAMPLES frame (PROTOCOL.md section 9: 16 at 2 kHz).
    public var batchSize = 16
    /// One channel per placement.
    public var placements: [Placement] = [.upperLeft, .upperRight]
    public var serialNumber = "LT-SIM-0001"
    public var faults: FaultInjection = .none

    public init() {}

    /// µV per count: int16 then spans ±16 mV, far beyond any lip EMG.
    static let scale: Float = 0.5
}
