#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An electrode lifts off the skin for a while: the amplifier input floats and drives its
/// output to the rail (the value repeats exactly, and the sensor flags lead-off). When the
/// electrode touches down again the signal falls back from the rail and settles.
struct LeadOffSpell {
    let channel: Int
    private let start: Int
    private let offSamples: Int
    private let settleSamples: Double
    private let reattachStep: Double

    init(channel: Int, start: Int, sampleRate: Double, rail: Double, random: inout SignalRandom) {
        self.channel = channel
        self.start = start
        offSamples = Int(random.uniform(0.5...4) * sampleRate)
        settleSamples = random.uniform(0.1...0.4) * sampleRate
        reattachStep = rail * random.uniform(0.2...0.6)
    }

    /// What the spell does at `sample`: nil once over; otherwise whether the electrode is
    /// off (the output sits at the rail) and the settling offset to add when it is back on.
    func next(sample: Int) -> (isOff: Bool, offset: Double)? {
        let t = sample - start
        if t < offSamples { return (true, 0) }
        let settling = Double(t - offSamples)
        guard settling < 6 * settleSamples else { return nil }
        return (false, reattachStep * exp(-settling / settleSamples))
    }

    var truth: TruthEvent {
        TruthEvent(kind: .leadOff, channel: channel, onsetSample: start,
                   offsetSample: start + offSamples + Int(3 * settleSamples), peakAmplitude: reattachStep)
    }
}
