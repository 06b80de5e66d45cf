#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cable motion: the lead swings or rubs, and triboelectric charge and the moving loop put
/// a burst of low-frequency broadband noise on one electrode: 100 to 1500 µV RMS below a
/// corner of a few to tens of Hz (`SignalVariation.cableMotionCornerHz`), swelling and
/// fading over 0.3 to 2 s. Its upper flank reaches into the EMG band. Only in varied
/// recordings.
struct CableMotion {
    let channel: Int
    private let start: Int
    private let length: Double
    private let amplitude: Double
    /// Two equal one-pole low-passes in a row, and the gain that gives their output unit RMS.
    private let pole: Double
    private let gain: Double
    private var first = 0.0
    private var second = 0.0
    private var peak = 0.0

    init(channel: Int, start: Int, sampleRate: Double, cornerHz: ClosedRange<Double>, random: inout SignalRandom) {
        self.channel = channel
        self.start = start
        length = random.uniform(0.3...2) * sampleRate
        amplitude = random.logUniform(100...1500)
        let pole = exp(-2 * Double.pi * random.uniform(cornerHz) / sampleRate)
        self.pole = pole
        // Variance of two cascaded one-poles (1 − p)² / (1 − p z⁻¹)² fed unit white noise.
        let variance = pow(1 - pole, 4) * (1 + pole * pole) / pow(1 - pole * pole, 3)
        gain = 1 / variance.squareRoot()
    }

    /// The noise this burst adds at `sample`, µV, or nil once it is over.
    mutating func next(sample: Int, random: inout SignalRandom) -> Double? {
        let t = Double(sample - start)
        guard t < length else { return nil }
        first = pole * first + (1 - pole) * random.gaussian()
        second = pole * second + (1 - pole) * first
        let envelope = 0.5 - 0.5 * cos(2 * Double.pi * t / length)
        let value = amplitude * envelope * gain * second
        peak = max(peak, abs(value))
        return value
    }

    var truth: TruthEvent {
        TruthEvent(kind: .cableMotion, channel: channel, onsetSample: start, offsetSample: start + Int(length) - 1,
                   peakAmplitude: peak)
    }
}
