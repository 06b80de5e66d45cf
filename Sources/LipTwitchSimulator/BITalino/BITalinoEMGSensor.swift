/// PLUX's EMG sensor as the simulated BITalino models it: AC-coupled (its band starts at
/// about 25 Hz, so the electrodes' standing potential and the baseline wander never reach
/// the ADC; here a first-order high-pass at 25 Hz), then its transfer function read
/// backwards, ADC = 2¹⁰ × (1/2 + EMG × G / VCC) with G = 1009 and VCC = 3.3 V, clipped to
/// the 10-bit codes. One per stream: the filter starts afresh at each start.
struct BITalinoEMGSensor: Sendable {
    static let highPassHz = 25.0
    private let coefficient: Double
    private var previousInput: Double?
    private var output = 0.0

    /// A sensor sampled at `rateHz`.
    init(rateHz: Int) {
        let timeConstant = 1 / (2 * Double.pi * Self.highPassHz)
        coefficient = timeConstant / (timeConstant + 1 / Double(rateHz))
    }

    /// The ADC code of the next sample, `microvolts` at the electrodes.
    mutating func code(microvolts: Double) -> Int {
        output = coefficient * (output + microvolts - (previousInput ?? microvolts))
        previousInput = microvolts
        let code = 1024 * (0.5 + output * 1e-6 * 1009 / 3.3)
        return Int(max(0, min(1023, code.rounded())))
    }
}
