#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A knock or a yank on the lead: a swing so large that the converter clips at its rail
/// for part of it (the sensor flags saturation), with steep edges on either side.
struct SaturatingSwing {
    let channel: Int
    private let start: Int
    private let length: Double
    private let amplitude: Double

    init(channel: Int, start: Int, sampleRate: Double, rail: Double, random: inout SignalRandom) {
        self.channel = channel
        self.start = start
        length = random.uniform(0.15...0.5) * sampleRate
        amplitude = rail * random.uniform(1.2...2.5) * random.sign()
    }

    /// The swing at `sample`, µV before clipping, or nil once over.
    func next(sample: Int) -> Double? {
        let t = Double(sample - start)
        guard t < length else { return nil }
        return amplitude * sin(Double.pi * t / length)
    }

    var truth: TruthEvent {
        TruthEvent(kind: .saturation, channel: channel, onsetSample: start,
                   offsetSample: start + Int(length), peakAmplitude: abs(amplitude))
    }
}
