#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sine wave made by rotating a unit phasor one step per sample: one complex multiply
/// per sample instead of a `sin` call, renormalized now and then so it never drifts.
struct Oscillator {
    private var cosine: Double
    private var sine: Double
    private let stepCosine: Double
    private let stepSine: Double
    private var stepsSinceNormalizing = 0

    /// A sine of `frequencyHz` at `sampleRate`, starting at phase `phase` (radians).
    init(frequencyHz: Double, sampleRate: Double, phase: Double) {
        cosine = cos(phase)
        sine = sin(phase)
        let step = 2 * Double.pi * frequencyHz / sampleRate
        stepCosine = cos(step)
        stepSine = sin(step)
    }

    /// The current value (−1 to 1), then one step on.
    mutating func next() -> Double {
        let value = sine
        let newCosine = cosine * stepCosine - sine * stepSine
        sine = cosine * stepSine + sine * stepCosine
        cosine = newCosine
        stepsSinceNormalizing += 1
        if stepsSinceNormalizing == 4096 {
            let norm = (cosine * cosine + sine * sine).squareRoot()
            cosine /= norm
            sine /= norm
            stepsSinceNormalizing = 0
        }
        return value
    }
}
