#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rhythmic lower-lip tremor as a lip accelerometer feels it: the lip swinging at 4 to
/// 6 Hz (DOMAIN.md) along one direction near its normal, sustained for 5 to 20 s (as the
/// EMG tremor), each cycle's length varying by about 3 %, its size swelling and fading by
/// up to a quarter over several seconds, faded in and out over half a second. Only varied
/// recordings have it: their `SignalVariation` draws its frequency, size and direction.
struct AccelerationTremor {
    private let start: Int
    private let length: Int
    private let sampleRate: Double
    private let direction: Vector3
    private let frequency: Double
    private let amplitude: Double
    private var cycleFrequency: Double
    private var phase = 0.0
    private var swell: Oscillator
    private var peak = 0.0

    /// Half a second of fade at each end.
    private static let fadeSeconds = 0.5

    init(start: Int, lipNormal: Vector3, sampleRate: Double, variation: SignalVariation,
         random: inout SignalRandom) {
        self.start = start
        self.sampleRate = sampleRate
        frequency = random.uniform(variation.accelerationTremorHz)
        cycleFrequency = frequency
        amplitude = random.uniform(variation.accelerationTremorG)
        direction = Vector3.randomDirection(near: lipNormal, spread: variation.accelerationTremorSpread, random: &random)
        length = Int(random.uniform(5...20) * sampleRate)
        swell = Oscillator(
            frequencyHz: random.uniform(0.1...0.3), sampleRate: sampleRate, phase: random.uniform(0...(2 * Double.pi)))
    }

    /// The acceleration the tremor adds at `sample`, g, or nil once it is over.
    mutating func next(sample: Int, random: inout SignalRandom) -> Vector3? {
        let t = sample - start
        guard t < length else { return nil }
        let fade = min(1, Double(t) / sampleRate / Self.fadeSeconds, Double(length - t) / sampleRate / Self.fadeSeconds)
        let value = fade * amplitude * (1 + 0.25 * swell.next()) * sin(phase)
        phase += 2 * Double.pi * cycleFrequency / sampleRate
        if phase >= 2 * Double.pi {
            phase -= 2 * Double.pi
            cycleFrequency = frequency * (1 + 0.03 * random.gaussian())
        }
        peak = max(peak, abs(value))
        return value * direction
    }

    var truth: TruthEvent {
        TruthEvent(kind: .tremor, channel: 0, onsetSample: start, offsetSample: start + length - 1,
                   peakAmplitude: peak, frequencyHz: frequency)
    }
}
