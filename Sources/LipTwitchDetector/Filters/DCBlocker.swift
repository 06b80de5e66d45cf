#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the DC offset (an electrode's half-cell potential, gravity on an accelerometer
/// axis) before anything else, so that large offsets never meet the narrow filters:
/// y[n] = x[n] − x[n−1] + R·y[n−1], a first-order high-pass with its corner at `cutoff`.
struct DCBlocker: Sendable {
    private let pole: Double
    private var previousInput: Double?
    private var previousOutput = 0.0

    init(cutoff: Double, sampleRate: Double) {
        pole = exp(-2 * Double.pi * cutoff / sampleRate)
    }

    @inline(__always)
    mutating func process(_ x: Double) -> Double {
        let y = x - (previousInput ?? x) + pole * previousOutput
        previousInput = x
        previousOutput = y
        return y
    }
}
