#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A second-order IIR section in direct form II transposed, its state carried from one
/// sample to the next (and so across chunks of any size). Coefficients come from the RBJ
/// Audio EQ Cookbook (bilinear transform with pre-warping), normalized so that a0 = 1.
struct Biquad: Sendable {
    private var b0: Double
    private var b1: Double
    private var b2: Double
    private var a1: Double
    private var a2: Double
    private var z1 = 0.0
    private var z2 = 0.0

    private init(b0: Double, b1: Double, b2: Double, a0: Double, a1: Double, a2: Double) {
        self.b0 = b0 / a0
        self.b1 = b1 / a0
        self.b2 = b2 / a0
        self.a1 = a1 / a0
        self.a2 = a2 / a0
    }

    /// Filters one sample.
    @inline(__always)
    mutating func process(_ x: Double) -> Double {
        let y = b0 * x + z1
        z1 = b1 * x - a1 * y + z2
        z2 = b2 * x - a2 * y
        return y
    }

    /// Takes `other`'s coefficients and keeps its own state: a notch moved by a small
    /// step goes on without a restart.
    mutating func retune(as other: Biquad) {
        (b0, b1, b2, a1, a2) = (other.b0, other.b1, other.b2, other.a1, other.a2)
    }

    /// Forgets the past: the next sample is filtered as if it were the first.
    mutating func reset() {
        z1 = 0
        z2 = 0
    }

    /// The angular frequency ω0 = 2π f / fs and α = sin ω0 / 2Q of the cookbook.
    private static func warp(_ frequency: Double, q: Double, sampleRate: Double) -> (cos: Double, alpha: Double) {
        let omega = 2 * Double.pi * frequency / sampleRate
        return (cos(omega), sin(omega) / (2 * q))
    }

    /// A low-pass at `cutoff` Hz with quality `q` (0.7071: Butterworth).
    static func lowPass(cutoff: Double, q: Double, sampleRate: Double) -> Biquad {
        let (c, alpha) = warp(cutoff, q: q, sampleRate: sampleRate)
        return Biquad(b0: (1 - c) / 2, b1: 1 - c, b2: (1 - c) / 2, a0: 1 + alpha, a1: -2 * c, a2: 1 - alpha)
    }

    /// A high-pass at `cutoff` Hz with quality `q`.
    static func highPass(cutoff: Double, q: Double, sampleRate: Double) -> Biquad {
        let (c, alpha) = warp(cutoff, q: q, sampleRate: sampleRate)
        return Biquad(b0: (1 + c) / 2, b1: -(1 + c), b2: (1 + c) / 2, a0: 1 + alpha, a1: -2 * c, a2: 1 - alpha)
    }

    /// A notch at `frequency` Hz, `bandwidth` Hz wide at −3 dB (Q = frequency / bandwidth).
    static func notch(frequency: Double, bandwidth: Double, sampleRate: Double) -> Biquad {
        let (c, alpha) = warp(frequency, q: frequency / bandwidth, sampleRate: sampleRate)
        return Biquad(b0: 1, b1: -2 * c, b2: 1, a0: 1 + alpha, a1: -2 * c, a2: 1 - alpha)
    }
}
