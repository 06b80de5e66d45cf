#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walking, as a lip accelerometer feels it: the body rises and falls once a step (1.6 to
/// 2.2 steps a second), sways sideways once a stride, and every heel strike sends a short
/// jolt of 10 to 20 Hz up to the head: rhythmic energy right in the twitch band.
struct Walking {
    private let start: Int
    private let length: Double
    private let sampleRate: Double
    private let stepRate: Double
    private let vertical: Vector3
    private let sideways: Vector3
    private let bounce: Double
    private let jolt: Double
    private let joltFrequency: Double
    private let joltDecay: Double
    private let harmonicPhase: Double

    init(start: Int, gravity: Vector3, sampleRate: Double, random: inout SignalRandom) {
        self.start = start
        self.sampleRate = sampleRate
        length = random.uniform(5...30) * sampleRate
        stepRate = random.uniform(1.6...2.2)
        vertical = gravity.normalized
        sideways = gravity.cross(Vector3.randomDirection(random: &random)).normalized
        bounce = random.uniform(0.1...0.3)
        jolt = random.uniform(0.04...0.15)
        joltFrequency = random.uniform(10...20)
        joltDecay = random.uniform(0.02...0.04) * sampleRate
        harmonicPhase = random.uniform(0...(2 * Double.pi))
    }

    /// The acceleration walking adds at `sample`, g, or nil once the walk is over.
    func next(sample: Int) -> Vector3? {
        let t = Double(sample - start)
        guard t < length else { return nil }
        let seconds = t / sampleRate
        let fade = min(1, seconds, (length - t) / sampleRate)
        let phase = 2 * Double.pi * stepRate * seconds
        var up = bounce * (sin(phase) + 0.35 * sin(2 * phase + harmonicPhase))
        let sinceStrike = (seconds * stepRate).truncatingRemainder(dividingBy: 1) / stepRate * sampleRate
        up += jolt * exp(-sinceStrike / joltDecay) * sin(2 * Double.pi * joltFrequency * sinceStrike / sampleRate)
        let sway = 0.05 * sin(phase / 2)
        return fade * (up * vertical + sway * sideways)
    }

    var truth: TruthEvent {
        TruthEvent(kind: .walking, channel: nil, onsetSample: start, offsetSample: start + Int(length) - 1,
                   peakAmplitude: bounce * 1.35 + jolt, frequencyHz: stepRate)
    }
}
