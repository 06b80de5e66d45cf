#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An electrode pop: the electrode–skin potential jumps (a bubble in the gel, a tug on
/// the lead) and creeps back with a time constant of tens to hundreds of ms. Huge next
/// to a twitch, and over in a few ms once the slow part is filtered away.
struct ElectrodePop {
    let channel: Int
    private let start: Int
    private let step: Double
    private let decaySamples: Double

    init(channel: Int, start: Int, sampleRate: Double, random: inout SignalRandom) {
        self.channel = channel
        self.start = start
        step = random.logUniform(300...3000) * random.sign()
        decaySamples = random.uniform(0.05...0.4) * sampleRate
    }

    /// The offset this pop adds at `sample`, µV, or nil once it has died away.
    func next(sample: Int) -> Double? {
        let t = Double(sample - start)
        guard t < 6 * decaySamples else { return nil }
        return step * exp(-t / decaySamples)
    }

    var truth: TruthEvent {
        TruthEvent(kind: .pop, channel: channel, onsetSample: start,
                   offsetSample: start + Int(3 * decaySamples), peakAmplitude: abs(step))
    }
}
