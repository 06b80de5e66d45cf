#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A train of activation pulses, each a raised-cosine bump: the drive behind chewing
/// (regular, 1 to 2 Hz), tremor (very regular, 4 to 6 Hz) and speech (syllables at 3 to
/// 6 Hz, irregular, with pauses).
struct PulseTrain {
    /// The statistics of a train.
    struct Design {
        /// Mean pulse rate, Hz.
        var rate: Double
        /// Standard deviation of an interval, as a fraction of the mean interval.
        var intervalVariation: Double
        /// Pulse length, s (uniform in the range, never more than 90 % of its interval).
        var pulseLength: ClosedRange<Double>
        /// Peak activation of a pulse (uniform in the range).
        var peak: ClosedRange<Double>
        /// Chance that an interval is a pause instead, and how long a pause lasts, s.
        var pauseChance = 0.0
        var pauseLength: ClosedRange<Double> = 0...0
    }

    private let design: Design
    private let sampleRate: Double
    private var cycleStart = 0.0
    private var cycleLength = 0.0
    private var pulseLength = 0.0
    private var pulsePeak = 0.0

    init(design: Design, sampleRate: Double, random: inout SignalRandom) {
        self.design = design
        self.sampleRate = sampleRate
        startCycle(at: 0, random: &random)
    }

    /// The activation `t` samples after the train started.
    mutating func activation(at t: Double, random: inout SignalRandom) -> Double {
        while t >= cycleStart + cycleLength {
            startCycle(at: cycleStart + cycleLength, random: &random)
        }
        let phase = (t - cycleStart) / pulseLength
        guard phase < 1 else { return 0 }
        return pulsePeak * (0.5 - 0.5 * cos(2 * Double.pi * phase))
    }

    private mutating func startCycle(at start: Double, random: inout SignalRandom) {
        cycleStart = start
        if start > 0, random.chance(design.pauseChance) {
            cycleLength = random.uniform(design.pauseLength) * sampleRate
            pulseLength = 1
            pulsePeak = 0
            return
        }
        let interval = max(0.3, 1 + design.intervalVariation * random.gaussian()) / design.rate
        cycleLength = interval * sampleRate
        pulseLength = min(random.uniform(design.pulseLength), 0.9 * interval) * sampleRate
        pulsePeak = random.uniform(design.peak)
    }
}
