#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Motor units whose discharges add up to a surface EMG signal, in µV.
///
/// Each unit is recruited when the activation (0 to 1) passes its threshold, then fires at
/// a rate that grows with the activation, with jitter, as real units do. Every discharge
/// puts one motor-unit action potential on the skin: a Mexican-hat (triphasic) wave of
/// width σ = 0.8 to 2.5 ms, whose energy lies between about 40 and 300 Hz (a varied
/// recording changes the shape, the widths and the rates: `SignalVariation`). A twitch is a
/// few units firing on their own; chewing and talking recruit many.
struct MotorUnitPool {
    /// Shape of a pool, in physical terms.
    struct Design {
        var unitCount: ClosedRange<Int>
        /// Peak amplitude of one action potential, µV (log-uniform in the range).
        var amplitude: ClosedRange<Double>
        /// Firing rate at recruitment and at full activation, Hz.
        var minimumRate: Double
        var maximumRate: Double
        /// Recruitment thresholds are spread evenly over `0...highestThreshold`.
        var highestThreshold: Double
        /// A newly recruited unit fires first within this many seconds.
        var recruitmentJitter: Double
        /// Interval jitter, as a fraction of the interval (standard deviation).
        var intervalJitter = 0.15
    }

    private struct Unit {
        var amplitude: Double
        var width: Double  // σ in samples
        var threshold: Double
        var lastFiring = -Double.infinity
        var nextFiring: Double?
    }

    private var units: [Unit]
    private let design: Design
    private let sampleRate: Double
    private let shape: ActionPotentialShape
    /// Scales every firing rate (a varied recording's, `SignalVariation`).
    private let rateScale: Double
    /// Sample times of the first and last discharge so far (nil before the first).
    private(set) var firstDischarge: Double?
    private(set) var lastDischarge: Double?
    /// The widest action potential's half-extent, samples: a discharge's wave is over
    /// this long after its centre.
    let tailSamples: Double

    init(design: Design, sampleRate: Double, amplitudeScale: Double, variation: SignalVariation,
         random: inout SignalRandom) {
        self.design = design
        self.sampleRate = sampleRate
        shape = variation.actionPotential
        rateScale = variation.firingRateScale
        let count = random.integer(design.unitCount)
        units = (0..<count).map { index in
            let threshold = count > 1 ? design.highestThreshold * Double(index) / Double(count - 1) : 0
            // Size principle: units recruited later are larger.
            let amplitude = random.logUniform(design.amplitude) * (1 + 1.5 * threshold) * amplitudeScale
            let width = random.uniform(0.8...2.5) * variation.widthScale * 1e-3 * sampleRate
            return Unit(amplitude: amplitude * random.sign(), width: width, threshold: threshold)
        }
        tailSamples = shape.tailWidths * (units.map(\.width).max() ?? 1)
    }

    /// The EMG at sample time `t` for activation `activation` (0 to 1).
    mutating func next(at t: Double, activation: Double, random: inout SignalRandom) -> Double {
        var value = 0.0
        for index in units.indices {
            var unit = units[index]
            if activation > unit.threshold {
                if unit.nextFiring == nil {
                    unit.nextFiring = t + random.uniform(0...design.recruitmentJitter) * sampleRate
                }
                let drive = (activation - unit.threshold) / max(1e-9, 1 - unit.threshold)
                let rate = (design.minimumRate + (design.maximumRate - design.minimumRate) * min(1, drive)) * rateScale
                while let next = unit.nextFiring, next <= t {
                    unit.lastFiring = next
                    if firstDischarge == nil { firstDischarge = next }
                    lastDischarge = max(lastDischarge ?? next, next)
                    let jitter = max(0.4, 1 + design.intervalJitter * random.gaussian())
                    unit.nextFiring = next + jitter * sampleRate / rate
                }
            } else {
                unit.nextFiring = nil
            }
            value += actionPotential(unit, at: t, centre: unit.lastFiring)
            if let next = unit.nextFiring { value += actionPotential(unit, at: t, centre: next) }
            units[index] = unit
        }
        return value
    }

    /// True while an action potential is still on the skin.
    func isSounding(at t: Double) -> Bool {
        guard let last = lastDischarge else { return false }
        return t <= last + tailSamples
    }

    private func actionPotential(_ unit: Unit, at t: Double, centre: Double) -> Double {
        shape.value(at: (t - centre) / unit.width, amplitude: unit.amplitude)
    }
}
