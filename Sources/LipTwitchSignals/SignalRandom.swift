#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seeded random source of the scenario generator: xoshiro256** (Blackman and Vigna),
/// its state filled from the seed by a 64-bit linear congruential step. The same seed
/// gives the same stream on every machine, so a scenario is its name and its seed.
public struct SignalRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// The second normal variate of the last polar-method pair, not yet handed out.
    private var spareGaussian: Double?

    public init(seed: UInt64) {
        var state = seed ^ 0x4C69_7054_7769_7463  // "LipTwitc"
        func step() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
        s0 = step()
        s1 = step()
        s2 = step()
        s3 = step()
        for _ in 0..<16 { _ = next() }
    }

    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// A uniform value in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &self)
    }

    /// A value between the bounds of `range`, uniform on a log scale (for amplitudes).
    public mutating func logUniform(_ range: ClosedRange<Double>) -> Double {
        exp(uniform(log(range.lowerBound)...log(range.upperBound)))
    }

    /// An integer in `range`.
    public mutating func integer(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// Plus or minus one, evenly.
    public mutating func sign() -> Double {
        next() & 1 == 0 ? 1 : -1
    }

    /// A standard normal variate (Marsaglia's polar method, one pair per two calls).
    public mutating func gaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        while true {
            let u = uniform(-1...1)
            let v = uniform(-1...1)
            let s = u * u + v * v
            if s > 0, s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareGaussian = v * factor
                return u * factor
            }
        }
    }
}
