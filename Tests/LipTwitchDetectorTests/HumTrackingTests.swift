@testable import LipTwitchDetector
import Foundation
import Testing

/// Hum off its nominal frequency (a grid running fast or slow, a generator, a recording
/// resampled): the notches find and follow it, with its harmonics, and twitches under it
/// are found as without it.
@Suite struct HumTrackingTests {
    /// Mains hum at `frequency`: the fundamental at `amplitude` µV and harmonics 2 to 7 at
    /// the generator's shape (odd ones strongest), each at its own phase.
    struct Hum {
        let frequency: Double
        let amplitude: Double
        let sampleRate: Double
        private static let shape = [1.0, 0.08, 0.35, 0.05, 0.18, 0.03, 0.08]

        func value(at sample: Int) -> Double {
            let t = Double(sample) / sampleRate
            var value = 0.0
            for (index, relative) in Self.shape.enumerated() {
                let harmonic = Double(index + 1)
                value += amplitude * relative * sin(2 * Double.pi * harmonic * frequency * t + harmonic)
            }
            return value
        }
    }

    /// 200 µV of hum with its harmonics at 49.3 or 61.2 Hz in 3 µV of noise: the mains is
    /// found, its frequency followed within 0.01 Hz after 10 s, and what is left of the hum
    /// over the last 5 s is below the noise (at least 40 dB down).
    @Test(arguments: [(49.3, 50.0), (61.2, 60.0), (50.15, 50.0)])
    func offNominalHumIsRemoved(frequency: Double, nominal: Double) {
        var filter = EMGConditioner(configuration: DetectorConfiguration(), sampleRate: 2000)
        var clean = EMGConditioner(configuration: { var c = DetectorConfiguration(); c.mains = .off; return c }(),
                                   sampleRate: 2000)
        let hum = Hum(frequency: frequency, amplitude: 200, sampleRate: 2000)
        var noise = LinearNoise(seed: 5)
        var residual = 0.0
        for n in 0..<(15 * 2000) {
            let x = 3 * noise.next()
            let y = filter.process(x + hum.value(at: n)).emg
            let reference = clean.process(x).emg
            if n >= 10 * 2000 { residual += (y - reference) * (y - reference) }
        }
        #expect(filter.mainsHz == nominal)
        #expect(abs((filter.humHz ?? 0) - frequency) < 0.01, "followed at \(filter.humHz ?? 0) Hz")
        let residualRMS = (residual / (5 * 2000)).squareRoot()
        #expect(20 * log10(residualRMS / (200 / 2.squareRoot())) < -40, "residual \(residualRMS) µV RMS")
    }

    /// The clean scenario's twitches under 150 µV of hum at 49.3 and 61.2 Hz: found as well
    /// as without the hum (one fewer at most: the first seconds, before the mains is
    /// decided and followed), and nothing else reported.
    @Test(arguments: [49.3, 61.2])
    func twitchesUnderOffNominalHumAreFound(frequency: Double) throws {
        let plain = try ScenarioRun(.clean, seconds: 300, seed: 11).score
        let hum = Hum(frequency: frequency, amplitude: 150, sampleRate: 2000)
        let hummed = try ScenarioRun(.clean, seconds: 300, seed: 11, added: hum.value(at:)).score
        #expect(plain.truePositives >= 25)
        #expect(hummed.truePositives >= plain.truePositives - 1, "with hum \(hummed), without \(plain)")
        #expect(hummed.falsePositives <= plain.falsePositives + 1, "with hum \(hummed), without \(plain)")
    }
}
