import LipTwitchProtocol

/// What a simulated sensor is and how it misbehaves; the defaults describe a two-channel
/// EMG sensor on the upper lip, sampling at 2 kHz, on a perfect link.
public struct SimulatorConfiguration: Sendable {
    /// Seeds the signal and the faults: the same seed gives the same bytes.
    public var seed: UInt64 = 1
    /// The rate at power-on; SET_RATE changes it.
    public var sampleRateHz = 2000
    /// One channel per placement.
    public var placements: [Placement] = [.upperLeft, .upperRight]
    public var serialNumber = "LT-SIM-0001"
    public var faults: FaultInjection = .none
    /// The protocol major the sensor speaks (PROTOCOL.md section 4): above 1, a sensor
    /// newer than this LipTwitch.
    public var protocolMajor: UInt8 = ProtocolConstants.version
    /// The device clock at power-on, µs: near 2^32 to watch it wrap.
    public var clockStartMicros: UInt64 = 0

    public init() {}

    /// µV per count: int16 then spans ±16 mV, far beyond any lip EMG.
    static let scale: Float = 0.5

    /// Samples per batch at `rate` (PROTOCOL.md section 9: rate / 125, at least 1; at most
    /// 16, a batch every 8 ms or less).
    public static func batchSize(forRate rate: Int) -> Int {
        max(1, min(16, rate / 125))
    }
}
