#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Noise of unit RMS whose spectrum falls as 1/f^α between 0.5 Hz and a quarter of the
/// sample rate: α = 0 is white, 1 pink, 2 brown. It is a sum of independent first-order
/// low-passed white noises with corners an octave apart, each given the share of the
/// variance that makes the sum's spectrum 1/f^α (a Lorentzian of corner f and variance
/// ∝ f^(1−α) has a plateau ∝ f^(−α)). Fixed memory, about ten normal draws a sample.
struct ColouredNoise {
    private struct Section {
        var state: Double
        let pole: Double
        let gain: Double
    }

    private var sections: [Section]

    /// Lowest corner frequency, Hz.
    private static let lowestCornerHz = 0.5

    init(exponent: Double, sampleRate: Double, random: inout SignalRandom) {
        var corners: [Double] = []
        var corner = Self.lowestCornerHz
        while corner <= sampleRate / 4 {
            corners.append(corner)
            corner *= 2
        }
        let shares = corners.map { pow($0, 1 - exponent) }
        let total = shares.reduce(0, +)
        sections = zip(corners, shares).map { corner, share in
            let pole = exp(-2 * Double.pi * corner / sampleRate)
            // A one-pole low-pass of unit white noise has variance (1 − p) / (1 + p).
            let whiteVariance = (1 - pole) / (1 + pole)
            let gain = (share / total / whiteVariance).squareRoot()
            // Start each section in its stationary state, so the noise has its colour at once.
            return Section(state: whiteVariance.squareRoot() * random.gaussian(), pole: pole, gain: gain)
        }
    }

    mutating func next(random: inout SignalRandom) -> Double {
        var value = 0.0
        for index in sections.indices {
            let section = sections[index]
            let state = section.pole * section.state + (1 - section.pole) * random.gaussian()
            sections[index].state = state
            value += section.gain * state
        }
        return value
    }
}
