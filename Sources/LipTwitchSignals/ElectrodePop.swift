#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An electrode pop: the electrode–skin potential jumps (a bubble in the gel, a tug on
/// the lead) and creeps back with a time constant of tens to hundreds of ms. Huge next
/// to a twitch, and over in a few ms once the slow part is filtered away. In a varied
/// recording the time constants vary, and a held-out pop's tail has a second, slower part.
struct ElectrodePop {
    let channel: Int
    private let start: Int
    private let step: Double
    private let decaySamples: Double
    /// The share of the step in the slow tail (0: none), and its time constant.
    private let slowShare: Double
    private let slowDecaySamples: Double
    /// The longer of the two time constants.
    private let longestDecay: Double

    init(channel: Int, start: Int, sampleRate: Double, variation: SignalVariation, random: inout SignalRandom) {
        self.channel = channel
        self.start = start
        step = random.logUniform(300...3000) * random.sign()
        decaySamples = random.uniform(0.05...0.4) * variation.popTimeConstantScale * sampleRate
        slowShare = variation.popSlowTailShare
        slowDecaySamples = slowShare > 0 ? random.uniform(0.3...1) * sampleRate : 0
        longestDecay = max(decaySamples, slowDecaySamples)
    }

    /// The offset this pop adds at `sample`, µV, or nil once it has died away.
    func next(sample: Int) -> Double? {
        let t = Double(sample - start)
        guard t < 6 * longestDecay else { return nil }
        let fast = step * exp(-t / decaySamples)
        guard slowShare > 0 else { return fast }
        return (1 - slowShare) * fast + slowShare * step * exp(-t / slowDecaySamples)
    }

    var truth: TruthEvent {
        TruthEvent(kind: .pop, channel: channel, onsetSample: start,
                   offsetSample: start + Int(3 * longestDecay), peakAmplitude: abs(step))
    }
}
