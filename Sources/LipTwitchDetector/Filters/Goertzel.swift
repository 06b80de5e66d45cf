#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The power of one frequency over a block of samples (the Goertzel algorithm): one
/// multiply-add per sample, the power read out at the end of the block.
struct Goertzel: Sendable {
    private let coefficient: Double
    private var s1 = 0.0
    private var s2 = 0.0

    init(frequency: Double, sampleRate: Double) {
        coefficient = 2 * cos(2 * Double.pi * frequency / sampleRate)
    }

    @inline(__always)
    mutating func add(_ x: Double) {
        let s0 = x + coefficient * s1 - s2
        s2 = s1
        s1 = s0
    }

    /// The power accumulated since the last call (squared magnitude), and a fresh start.
    mutating func takePower() -> Double {
        let power = s1 * s1 + s2 * s2 - coefficient * s1 * s2
        s1 = 0
        s2 = 0
        return power
    }
}
