#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cascades of biquads kept one after another in a single array, each known by its range
/// of sections. A signal chain that takes every sample through several cascades
/// (`EMGConditioner`) gets exclusive access to the array once per block; as separate
/// arrays, every cascade cost a uniqueness check and bounds checks at every sample.
struct BiquadChain: Sendable {
    private var sections: [Biquad] = []

    /// Appends `cascade`'s sections; returns where they are.
    mutating func append(_ cascade: BiquadCascade) -> Range<Int> {
        let start = sections.count
        sections += cascade.sections
        return start..<sections.count
    }

    /// Forgets the past of the sections in `part`.
    mutating func reset(_ part: Range<Int>) {
        for index in part { sections[index].reset() }
    }

    /// Moves the notch comb in `part` (made by `BiquadCascade.notchComb` with as many
    /// sections per harmonic) to a new fundamental, each section to its harmonic, keeping
    /// its state and its width (no allocation).
    mutating func retuneNotchComb(_ part: Range<Int>, fundamental: Double, bandwidth: Double,
                                  sectionsPerHarmonic: Int, sampleRate: Double) {
        let perHarmonic = max(1, sectionsPerHarmonic)
        for first in stride(from: part.lowerBound, to: part.upperBound, by: perHarmonic) {
            let frequency = fundamental * Double((first - part.lowerBound) / perHarmonic + 1)
            let notch = Biquad.notch(frequency: frequency, bandwidth: bandwidth, sampleRate: sampleRate)
            for index in first..<min(first + perHarmonic, part.upperBound) { sections[index].retune(as: notch) }
        }
    }

    /// Runs `body` with the sections open for filtering.
    mutating func withSections<Result>(_ body: (Sections) -> Result) -> Result {
        sections.withUnsafeMutableBufferPointer { body(Sections(sections: $0)) }
    }

    /// The sections while `withSections` runs.
    struct Sections {
        fileprivate let sections: UnsafeMutableBufferPointer<Biquad>

        /// Filters one sample through the sections of `part`, in order.
        @inline(__always)
        func process(_ part: Range<Int>, _ x: Double) -> Double {
            var y = x
            for index in part { y = sections[index].process(y) }
            return y
        }
    }
}
