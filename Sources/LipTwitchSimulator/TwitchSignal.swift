/// A simple seeded surface-EMG signal: background noise with twitch bursts at random
/// moments. It stands in until the labelled scenario generator of the detector arrives.
struct TwitchSignal: SignalSource {
    private let sampleRate: Double
    private var random: SeededGenerator
    /// Samples left in the current burst, and its length and amplitude (µV).
    private var burstRemaining = 0
    private var burstLength = 0
    private var burstAmplitude = 0.0
    /// Samples until the next burst starts.
    private var quietRemaining: Int

    /// Background noise, µV RMS, typical of a resting orbicularis oris.
    private static let noiseMicrovolts = 4.0

    init(sampleRateHz: Int, seed: UInt64) {
        sampleRate = Double(sampleRateHz)
        random = SeededGenerator(seed: seed)
        quietRemaining = Int(sampleRate)
    }

    private(set) var twitchStarted: SimulatedTwitch?

    mutating func nextSample() -> Double {
        twitchStarted = nil
        var value = random.nextGaussian() * Self.noiseMicrovolts
        if burstRemaining > 0 {
            let phase = Double(burstLength - burstRemaining) / Double(burstLength)
            let window = 0.5 - 0.5 * cos(2 * Double.pi * phase)
            value += random.nextGaussian() * burstAmplitude * window
            burstRemaining -= 1
        } else if quietRemaining > 0 {
            quietRemaining -= 1
        } else {
            startBurst()
        }
        return value
    }

    /// A twitch of 0.2 to 0.8 s at 40 to 150 µV, then 1.5 to 6 s of rest.
    private mutating func startBurst() {
        burstLength = max(1, Int(sampleRate * Double.random(in: 0.2...0.8, using: &random)))
        burstRemaining = burstLength
        burstAmplitude = Double.random(in: 40...150, using: &random)
        quietRemaining = Int(sampleRate * Double.random(in: 1.5...6, using: &random))
        twitchStarted = SimulatedTwitch(duration: Double(burstLength) / sampleRate, amplitude: burstAmplitude)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
