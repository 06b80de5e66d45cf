@testable import LipTwitchDetector
import Foundation
import Testing

/// Hum off its nominal frequency (a grid running fast or slow, a generator, a recording
/// resampled): the notches find and follow it, with its harmonics, and twitches under it
/// are found as without it.
@Suite struct HumTrackingTests {
    /// Mains hum at `frequency`: the fundamental at `amplitude` µV and harmonics 2 to 7 at
    /// the generator's shape (odd ones strongest), each at its own phase; its strength
    /// swells and fades by `swell` (a fraction) at `swellHz`, as the wearer moves near a cable.
    struct Hum {
        let frequency: Double
        let amplitude: Double
        let sampleRate: Double
        var swell = 0.0
        var swellHz = 0.1
        private static let shape = [1.0, 0.08, 0.35, 0.05, 0.18, 0.03, 0.08]

        func value(at sample: Int) -> Double {
            let t = Double(sample) / sampleRate
            var value = 0.0
            for (index, relative) in Self.shape.enumerated() {
                let harmonic = Double(index + 1)
                value += amplitude * relative * sin(2 * Double.pi * harmonic * frequency * t + harmonic)
            }
            return value * (1 + swell * sin(2 * Double.pi * swellHz * t))
        }
    }

    /// 200 µV of hum with its harmonics at 49.3 or 61.2 Hz in 3 µV of noise: the mains is
    /// found, its frequency followed within 0.01 Hz after 10 s, and what is left of the hum
    /// over the last 5 s is below the noise (at least 40 dB down).
    @Test(arguments: [(49.3, 50.0), (61.2, 60.0), (50.15, 50.0)])
    func offNominalHumIsRemoved(frequency: Double, nominal: Double) {
        var filter = EMGConditioner(configuration: DetectorConfiguration(), sampleRate: 2000,
                                    humSearchSeconds: DetectorConfiguration().humSearchSeconds)
        var clean = EMGConditioner(configuration: { var c = DetectorConfiguration(); c.mains = .off; return c }(),
                                   sampleRate: 2000, humSearchSeconds: nil)
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

    /// Hum that swells and fades (±35 % at 0.1 Hz) has sidebands 0.1 Hz from each harmonic,
    /// where a single 4 Hz notch is 26 dB deep: 400 µV of it at 60.15 Hz left several µV
    /// that came and went with the swell, above a quiet wearer's noise floor (the held-out
    /// hum seed 1004 of the varied evaluation, 0.74 µV at rest, found no twitch at all).
    /// Two sections per harmonic keep every 50 ms of what passes, after 10 s, under 1 µV RMS.
    @Test func swellingHumStaysBelowAQuietFloor() {
        var filter = EMGConditioner(configuration: DetectorConfiguration(), sampleRate: 2000,
                                    humSearchSeconds: DetectorConfiguration().humSearchSeconds)
        var clean = EMGConditioner(configuration: { var c = DetectorConfiguration(); c.mains = .off; return c }(),
                                   sampleRate: 2000, humSearchSeconds: nil)
        let hum = Hum(frequency: 60.15, amplitude: 400, sampleRate: 2000, swell: 0.35, swellHz: 0.1)
        var noise = LinearNoise(seed: 7)
        let window = 100
        var squares = [Double](repeating: 0, count: window)
        var sum = 0.0
        var loudest = 0.0
        for n in 0..<(25 * 2000) {
            let x = noise.next()
            let residual = filter.process(x + hum.value(at: n)).emg - clean.process(x).emg
            sum += residual * residual - squares[n % window]
            squares[n % window] = residual * residual
            if n >= 15 * 2000 { loudest = max(loudest, (max(sum, 0) / Double(window)).squareRoot()) }
        }
        #expect(loudest < 1, "the residual's 50 ms RMS reached \(loudest) µV")
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

    /// The clean scenario's twitches under 400 µV of hum at 60.15 Hz swelling ±35 % at
    /// 0.1 Hz: found as without the hum (one fewer at most: the first seconds). With a
    /// single notch section per harmonic none of the 13 was found.
    @Test func twitchesUnderSwellingHumAreFound() throws {
        let plain = try ScenarioRun(.clean, seconds: 120, seed: 11).score
        let hum = Hum(frequency: 60.15, amplitude: 400, sampleRate: 2000, swell: 0.35, swellHz: 0.1)
        let hummed = try ScenarioRun(.clean, seconds: 120, seed: 11, added: hum.value(at:)).score
        #expect(plain.truePositives >= 10)
        #expect(hummed.truePositives >= plain.truePositives - 1, "with hum \(hummed), without \(plain)")
        #expect(hummed.falsePositives <= plain.falsePositives + 1, "with hum \(hummed), without \(plain)")
    }
}
