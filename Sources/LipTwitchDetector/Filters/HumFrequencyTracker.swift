#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows the actual mains frequency near its nominal 50 or 60 Hz (a grid runs off it by
/// tenths of a Hz), so that the notches can sit on the hum and its harmonics.
///
/// A frequency-locked loop: the signal is demodulated at the estimate and at twice and
/// three times it, and summed over blocks of about 0.1 s (5 or 6 whole cycles of the
/// estimate, to the nearest sample, so that the mirror images of the demodulation cancel).
/// From one block to the next, each harmonic's phase turns by 2π k Δf × the block's
/// length, where Δf is how far the estimate is from the hum; the turns of the three
/// harmonics, weighted by their power and k², give Δf, and the estimate moves by a share
/// of it: all of it at first, then less and less, down to a block's share of
/// `mainsTrackingSeconds`. A block counts only when the fundamental holds a tenth of its
/// energy or more: not without hum, not while a burst swamps it. The estimate stays within
/// `mainsSearchHz` of the nominal frequency. O(1) per sample, no allocation.
struct HumFrequencyTracker: Sendable {
    /// A complex number as two Doubles (Foundation-free).
    private struct Complex: Sendable {
        var re: Double
        var im: Double

        static let zero = Complex(re: 0, im: 0)

        @inline(__always)
        static func * (a: Complex, b: Complex) -> Complex {
            Complex(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re)
        }

        var power: Double { re * re + im * im }
    }

    /// The least share of a block's energy in the fundamental for the block to count.
    private static let trustShare = 0.1

    private let nominal: Double
    private let sampleRate: Double
    private let searchHz: Double
    /// Whole cycles of the nominal frequency in a block (0.1 s).
    private let cycles: Int
    private var blockLength: Int
    private let minimumGain: Double
    /// Harmonics measured (1 to 3): those below 0.45 × the sample rate.
    private let harmonics: Int
    /// The demodulating phasor e^(−jθ) and its step per sample at the estimate.
    private var phasor = Complex(re: 1, im: 0)
    private var step: Complex
    private var sums = (Complex.zero, Complex.zero, Complex.zero)
    private var previous: (Complex, Complex, Complex)?
    private var energy = 0.0
    private var position = 0
    private var updates = 0
    /// The hum's frequency as found, Hz (the nominal one until the hum has been measured).
    private(set) var frequency: Double

    init(nominal: Double, sampleRate: Double, searchHz: Double, trackingSeconds: Double) {
        self.nominal = nominal
        self.sampleRate = sampleRate
        self.searchHz = searchHz
        cycles = max(1, Int((0.1 * nominal).rounded()))
        blockLength = Self.blockLength(cycles: cycles, frequency: nominal, sampleRate: sampleRate)
        let blockSeconds = Double(blockLength) / sampleRate
        minimumGain = min(1, blockSeconds / max(trackingSeconds, blockSeconds))
        harmonics = max(1, min(3, Int(0.45 * sampleRate / nominal)))
        frequency = nominal
        step = Self.step(nominal, sampleRate: sampleRate)
    }

    /// Samples in `cycles` cycles of `frequency`, to the nearest.
    private static func blockLength(cycles: Int, frequency: Double, sampleRate: Double) -> Int {
        max(1, Int((Double(cycles) * sampleRate / frequency).rounded()))
    }

    private static func step(_ frequency: Double, sampleRate: Double) -> Complex {
        let omega = 2 * Double.pi * frequency / sampleRate
        return Complex(re: cos(omega), im: -sin(omega))
    }

    /// Adds a sample (high-passed, not yet notched); true when the estimate moved.
    @inline(__always)
    mutating func add(_ x: Double) -> Bool {
        let first = phasor
        let second = first * first
        let third = second * first
        sums.0.re += x * first.re
        sums.0.im += x * first.im
        sums.1.re += x * second.re
        sums.1.im += x * second.im
        sums.2.re += x * third.re
        sums.2.im += x * third.im
        energy += x * x
        phasor = phasor * step
        position += 1
        guard position == blockLength else { return false }
        return endBlock()
    }

    private mutating func endBlock() -> Bool {
        position = 0
        let magnitude = phasor.power.squareRoot()
        phasor = Complex(re: phasor.re / magnitude, im: phasor.im / magnitude)
        let current = sums
        sums = (.zero, .zero, .zero)
        // The fundamental's share of the block's energy: 2|Z|² / N over the sum of squares.
        let share = 2 * current.0.power / (Double(blockLength) * max(energy, .leastNormalMagnitude))
        energy = 0
        let trusted = share >= Self.trustShare
        defer { previous = trusted ? current : nil }
        guard trusted, let previous else { return false }
        var offset = (weighted: 0.0, weights: 0.0)
        let seconds = Double(blockLength) / sampleRate
        add(current.0, previous.0, harmonic: 1, seconds: seconds, to: &offset)
        if harmonics >= 2 { add(current.1, previous.1, harmonic: 2, seconds: seconds, to: &offset) }
        if harmonics >= 3 { add(current.2, previous.2, harmonic: 3, seconds: seconds, to: &offset) }
        guard offset.weights > 0 else { return false }
        updates += 1
        let gain = max(minimumGain, 1 / Double(updates))
        let moved = min(max(frequency + gain * offset.weighted / offset.weights, nominal - searchHz),
                        nominal + searchHz)
        guard moved != frequency else { return false }
        frequency = moved
        step = Self.step(moved, sampleRate: sampleRate)
        blockLength = Self.blockLength(cycles: cycles, frequency: moved, sampleRate: sampleRate)
        return true
    }

    /// Adds one harmonic's measure of Δf, weighted by its power and k² (the inverse of its
    /// variance): the angle of now × conj(before) is its turn over one block. The
    /// demodulator turns the other way (e^(−jθ)), so the hum's phase gains on it by Δf.
    @inline(__always)
    private func add(_ now: Complex, _ before: Complex, harmonic k: Double, seconds: Double,
                     to offset: inout (weighted: Double, weights: Double)) {
        let turn = Complex(re: now.re * before.re + now.im * before.im, im: now.im * before.re - now.re * before.im)
        let weight = turn.power.squareRoot() * k * k
        offset.weighted += weight * atan2(turn.im, turn.re) / (2 * Double.pi * k * seconds)
        offset.weights += weight
    }
}
