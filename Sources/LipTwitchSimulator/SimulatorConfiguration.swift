import LipTwitchProtocol
import LipTwitchSignals

/// What a simulated sensor is and how it misbehaves; the defaults describe a two-channel
/// EMG sensor on the upper lip, sampling at 2 kHz, streaming the lively `demo` scenario on
/// a perfect link.
public struct SimulatorConfiguration: Sendable {
    /// Seeds the signal and the faults: the same seed gives the same bytes. Stream `n`
    /// (the `n`th START) is the scenario's recording with seed `seed + n - 1`.
    public var seed: UInt64 = 1
    /// The rate at power-on; SET_RATE changes it.
    public var sampleRateHz = 2000
    /// What the signal holds (labelled ground truth included); the accelerometer
    /// scenario makes the sensor an accelerometer.
    public var scenario: Scenario = .demo
    /// One EMG channel per placement, 1 to 8 (an accelerometer has its own x, y, z).
    public var placements: [Placement] = [.upperLeft, .upperRight]
    public var serialNumber = "LT-SIM-0001"
    public var faults: FaultInjection = .none
    /// The protocol major the sensor speaks (PROTOCOL.md section 4): above 1, a sensor
    /// newer than this LipTwitch.
    public var protocolMajor: UInt8 = ProtocolConstants.version
    /// The device clock at power-on, µs: near 2^32 to watch it wrap.
    public var clockStartMicros: UInt64 = 0
    /// How samples go on the wire: int16, or int24 with 256 times finer counts.
    public var sampleFormat: SampleFormat = .int16

    public init() {}

    /// EMG placements in the order `emgPlacements(count:)` hands them out.
    private static let emgPlacementOrder: [Placement] = [
        .upperLeft, .upperRight, .lowerLeft, .lowerRight, .leftCorner, .rightCorner, .upperCenter, .lowerCenter,
    ]

    /// The placements of `count` EMG channels (1 to 8): upper lip left and right, then
    /// lower lip, the corners, the centres.
    public static func emgPlacements(count: Int) -> [Placement] {
        Array(emgPlacementOrder.prefix(count))
    }

    /// EMG or accelerometer, as the scenario says.
    public var sensorKind: SensorKind { scenario.isAccelerometer ? .accelerometer : .emg }

    /// Physical units per count: 0.5 µV for EMG (int16 then spans ±16 mV, beyond the
    /// generator's ±16000 µV rail), 1/4096 g for the accelerometer (int16 spans ±8 g, the
    /// generator's rail is ±4 g); int24 counts are 256 times finer over the same span.
    public var scale: Float {
        let int16Scale: Float = scenario.isAccelerometer ? 1.0 / 4096 : 0.5
        return sampleFormat == .int24 ? int16Scale / 256 : int16Scale
    }

    /// The channels IDENTITY describes: the EMG placements, or x, y and z of an
    /// accelerometer on the lower lip.
    public var channels: [ChannelDescriptor] {
        guard scenario.isAccelerometer else {
            return placements.map { ChannelDescriptor(placement: $0, axis: .none, scale: scale) }
        }
        return [Axis.x, .y, .z].map { ChannelDescriptor(placement: .lowerCenter, axis: $0, scale: scale) }
    }

    /// Samples per batch at `rate` (PROTOCOL.md section 9: rate / 125, at least 1; at most
    /// 16, a batch every 8 ms or less).
    public static func batchSize(forRate rate: Int) -> Int {
        max(1, min(16, rate / 125))
    }
}
