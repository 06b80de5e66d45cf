#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Biquads in series, such as a Butterworth filter of order 4 (two sections) or a comb
/// of notches; storage is fixed when it is made.
struct BiquadCascade: Sendable {
    private(set) var sections: [Biquad]

    init(_ sections: [Biquad]) {
        self.sections = sections
    }

    /// `first`, then `second`.
    init(_ first: BiquadCascade, _ second: BiquadCascade) {
        sections = first.sections + second.sections
    }

    @inline(__always)
    mutating func process(_ x: Double) -> Double {
        var y = x
        for index in sections.indices {
            y = sections[index].process(y)
        }
        return y
    }

    mutating func reset() {
        for index in sections.indices { sections[index].reset() }
    }

    /// The Q of each section of a Butterworth filter of even `order`: 1 / (2 cos θk) with
    /// θk = (2k − 1)π / 2n.
    private static func butterworthQ(order: Int) -> [Double] {
        (1...(order / 2)).map { k in
            1 / (2 * cos(Double(2 * k - 1) * Double.pi / Double(2 * order)))
        }
    }

    /// A Butterworth high-pass of even `order` at `cutoff` Hz.
    static func butterworthHighPass(order: Int, cutoff: Double, sampleRate: Double) -> BiquadCascade {
        BiquadCascade(butterworthQ(order: order).map { Biquad.highPass(cutoff: cutoff, q: $0, sampleRate: sampleRate) })
    }

    /// A Butterworth low-pass of even `order` at `cutoff` Hz.
    static func butterworthLowPass(order: Int, cutoff: Double, sampleRate: Double) -> BiquadCascade {
        BiquadCascade(butterworthQ(order: order).map { Biquad.lowPass(cutoff: cutoff, q: $0, sampleRate: sampleRate) })
    }

    /// Notches at `fundamental` and its harmonics up to `count` of them, all below
    /// `ceiling` Hz, each `bandwidth` Hz wide (−3 dB), `sectionsPerHarmonic` alike in
    /// series at each (none when it is 0).
    static func notchComb(fundamental: Double, count: Int, ceiling: Double, bandwidth: Double,
                          sectionsPerHarmonic: Int, sampleRate: Double) -> BiquadCascade {
        BiquadCascade((1...max(1, count)).flatMap { harmonic -> [Biquad] in
            let frequency = fundamental * Double(harmonic)
            guard frequency < ceiling else { return [] }
            let notch = Biquad.notch(frequency: frequency, bandwidth: bandwidth, sampleRate: sampleRate)
            return Array(repeating: notch, count: max(0, sectionsPerHarmonic))
        })
    }
}
