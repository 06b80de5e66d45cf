#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A twitch as a lip accelerometer feels it: one to four kicks, each a damped oscillation
/// of 8 to 30 Hz of the soft tissue, along a direction near the lip's normal.
struct AccelerationTwitch {
    private struct Kick {
        var start: Double
        var frequency: Double
        var decay: Double
        var amplitude: Double
    }

    private let start: Int
    private let direction: Vector3
    private let kicks: [Kick]
    private let end: Double
    private let sampleRate: Double
    private var peak = 0.0

    init(start: Int, lipNormal: Vector3, amplitudeScale: Double, sampleRate: Double, random: inout SignalRandom) {
        self.start = start
        direction = Vector3.randomDirection(near: lipNormal, spread: 0.5, random: &random)
        let frequency = random.uniform(8...30)
        let amplitude = random.logUniform(0.01...0.06) * amplitudeScale
        var time = 0.0
        kicks = (0..<random.integer(1...4)).map { index in
            if index > 0 { time += random.uniform(0.1...0.35) }
            return Kick(start: time * sampleRate, frequency: frequency * random.uniform(0.9...1.1),
                        decay: random.uniform(0.04...0.12) * sampleRate,
                        amplitude: amplitude * random.uniform(0.6...1.0))
        }
        end = kicks.map { $0.start + 4 * $0.decay }.max() ?? 0
        self.sampleRate = sampleRate
    }

    /// The acceleration this twitch adds at `sample`, g, or nil once it has died away.
    mutating func next(sample: Int) -> Vector3? {
        let t = Double(sample - start)
        guard t <= end else { return nil }
        var value = 0.0
        for kick in kicks where t >= kick.start {
            let local = t - kick.start
            value += kick.amplitude * exp(-local / kick.decay) * sin(2 * Double.pi * kick.frequency * local / sampleRate)
        }
        peak = max(peak, abs(value))
        return value * direction
    }

    var truth: TruthEvent {
        let last = kicks.last!
        return TruthEvent(kind: .twitch, channel: 0, onsetSample: start,
                          offsetSample: start + Int(last.start + 3 * last.decay), peakAmplitude: peak,
                          frequencyHz: kicks[0].frequency)
    }
}
