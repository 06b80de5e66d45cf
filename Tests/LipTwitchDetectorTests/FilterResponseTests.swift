@testable import LipTwitchDetector
import Foundation
import Testing

/// The filters, measured: a sine goes in, the RMS of what comes out once it has settled is
/// compared with what went in. Tolerances are stated with each test.
@Suite struct FilterResponseTests {
    /// Gain in dB of `filter` at `frequency`: 3 s of sine, RMS over the last second.
    private static func gain(at frequency: Double, sampleRate: Double = 2000, amplitude: Double = 100,
                             offset: Double = 0, _ filter: (Double) -> Double) -> Double {
        let total = Int(3 * sampleRate)
        var energy = 0.0
        for n in 0..<total {
            let y = filter(offset + amplitude * sin(2 * Double.pi * frequency * Double(n) / sampleRate))
            if n >= total - Int(sampleRate) { energy += y * y }
        }
        let rms = (energy / sampleRate).squareRoot()
        return 20 * log10(rms / (amplitude / 2.squareRoot()))
    }

    private static func emg(_ mains: MainsFrequency, sampleRate: Double = 2000) -> EMGConditioner {
        var configuration = DetectorConfiguration()
        configuration.mains = mains
        return EMGConditioner(configuration: configuration, sampleRate: sampleRate,
                              humSearchSeconds: configuration.humSearchSeconds)
    }

    /// Passband (between the mains harmonics, 40 to 330 Hz): flat within ±1 dB.
    @Test(arguments: [(MainsFrequency.hz50, [40.0, 75, 125, 175, 225, 275, 325]), (.hz60, [40.0, 90, 150, 210, 270, 330])])
    func passbandIsFlat(mains: MainsFrequency, frequencies: [Double]) {
        for frequency in frequencies {
            var filter = Self.emg(mains)
            let gain = Self.gain(at: frequency) { filter.process($0).emg }
            #expect(abs(gain) < 1, "\(gain) dB at \(frequency) Hz")
        }
    }

    /// Mains and its harmonics up to the band's top: at least 40 dB down.
    @Test(arguments: [(MainsFrequency.hz50, 50.0), (.hz60, 60.0)])
    func notchesRemoveMainsAndHarmonics(mains: MainsFrequency, fundamental: Double) {
        for harmonic in 1...8 {
            var filter = Self.emg(mains)
            let frequency = fundamental * Double(harmonic)
            let gain = Self.gain(at: frequency) { filter.process($0).emg }
            #expect(gain < -40, "\(gain) dB at \(frequency) Hz")
        }
    }

    /// Automatic mains: a 200 µV hum with its third harmonic in 3 µV of noise is found
    /// within 3 s, then removed by at least 35 dB.
    @Test(arguments: [50.0, 60.0])
    func mainsIsFoundAutomatically(mains: Double) {
        var filter = Self.emg(.automatic)
        var noise = LinearNoise(seed: 3)
        var residual = 0.0
        for n in 0..<(6 * 2000) {
            let t = Double(n) / 2000
            let hum = 200 * sin(2 * Double.pi * mains * t) + 60 * sin(2 * Double.pi * 3 * mains * t + 1)
            let y = filter.process(hum + 3 * noise.next()).emg
            if n >= 5 * 2000 { residual += y * y }
        }
        #expect(filter.mainsHz == mains)
        let residualRMS = (residual / 2000).squareRoot()
        #expect(20 * log10(residualRMS / (200 / 2.squareRoot())) < -35, "residual \(residualRMS) µV RMS")
    }

    /// Stopband: baseline wander and motion (1 and 5 Hz) at least 40 dB down, 10 Hz at
    /// least 20 dB, and 900 Hz (near Nyquist at 2 kHz) at least 10 dB. A 5000 µV DC offset
    /// leaves nothing.
    @Test func stopbandIsAttenuated() {
        for (frequency, limit) in [(1.0, -40.0), (5, -40), (10, -20), (900, -10)] {
            var filter = Self.emg(.off)
            let gain = Self.gain(at: frequency, offset: 5000) { filter.process($0).emg }
            #expect(gain < limit, "\(gain) dB at \(frequency) Hz")
        }
    }

    /// At 500 Hz sampling the low-pass sits at 0.45 × the rate: 100 Hz still passes (±1 dB)
    /// and the output stays finite.
    @Test func lowPassFollowsNyquist() {
        var filter = Self.emg(.hz50, sampleRate: 500)
        let gain = Self.gain(at: 80, sampleRate: 500) { filter.process($0).emg }
        #expect(abs(gain) < 1, "\(gain) dB at 80 Hz")
    }

    /// Accelerometer, at 500 Hz: the twitch band passes 10 to 30 Hz within ±1.5 dB and
    /// holds head motion and walking down (1 Hz: 40 dB, 2 Hz: 35 dB); the motion band does
    /// the opposite (1 and 2 Hz within ±1.5 dB, 20 Hz at least 40 dB down). Gravity (the
    /// 1 g offset) reaches neither.
    @Test func accelerometerBandsSplitTwitchFromMotion() {
        func gains(at frequency: Double) -> (twitch: Double, motion: Double) {
            var twitchFilter = AccelerationConditioner(configuration: DetectorConfiguration(), sampleRate: 500)
            var motionFilter = twitchFilter
            let twitch = Self.gain(at: frequency, sampleRate: 500, amplitude: 0.1, offset: 1) {
                twitchFilter.process(SIMD3($0, 0, 0)).twitchBand.x
            }
            let motion = Self.gain(at: frequency, sampleRate: 500, amplitude: 0.1, offset: 1) {
                motionFilter.process(SIMD3($0, 0, 0)).motionEnergy.squareRoot()
            }
            return (twitch, motion)
        }
        for frequency in [10.0, 20, 30] {
            #expect(abs(gains(at: frequency).twitch) < 1.5, "twitch band at \(frequency) Hz")
        }
        for (frequency, limit) in [(1.0, -40.0), (2, -35)] {
            let (twitch, motion) = gains(at: frequency)
            #expect(twitch < limit, "\(twitch) dB at \(frequency) Hz in the twitch band")
            #expect(abs(motion) < 1.5, "\(motion) dB at \(frequency) Hz in the motion band")
        }
        #expect(gains(at: 20).motion < -40)
    }
}

/// Uniform noise in −1...1 from a linear congruential generator: seeded, no dependencies.
struct LinearNoise {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53) * 2 - 1
    }
}
