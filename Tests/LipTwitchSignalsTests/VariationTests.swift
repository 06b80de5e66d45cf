import Foundation
import LipTwitchDetector
@testable import LipTwitchSignals
import Testing

/// The generator's variation: opt-in, drawn from the seed, within its documented ranges,
/// its truth still where the events are.
@Suite struct VariationTests {
    /// Makes `seconds` of `scenario`; returns the generator, the values and the truth.
    private func record(_ scenario: Scenario, seed: UInt64, seconds: Double, channels: Int = 1,
                        variation: ScenarioVariation) -> (ScenarioGenerator, [Float], [TruthEvent]) {
        var generator = ScenarioGenerator(
            scenario: scenario, seed: seed, emgChannelCount: channels, durationSeconds: seconds, variation: variation)
        var values: [Float] = [], quality: [SampleQuality] = [], truth: [TruthEvent] = []
        generator.generate(sampleCount: Int(seconds * generator.sampleRateHz), values: &values, quality: &quality)
        generator.finish()
        generator.takeTruth(into: &truth)
        return (generator, values, truth)
    }

    /// FNV-1a over every value's bits, every quality flag and every truth event's onset,
    /// offset and peak: equal fingerprints mean the same recording, bit for bit.
    private func fingerprint(_ scenario: Scenario, variation: ScenarioVariation) -> UInt64 {
        let channels = scenario.isAccelerometer ? 1 : 2
        var generator = ScenarioGenerator(
            scenario: scenario, seed: 5, emgChannelCount: channels, durationSeconds: 30, variation: variation)
        var values: [Float] = [], quality: [SampleQuality] = [], truth: [TruthEvent] = []
        generator.generate(sampleCount: Int(30 * generator.sampleRateHz), values: &values, quality: &quality)
        generator.finish()
        generator.takeTruth(into: &truth)
        var hash: UInt64 = 14_695_981_039_346_656_037
        func mix(_ word: UInt64) { hash = (hash ^ word) &* 1_099_511_628_211 }
        for value in values { mix(UInt64(value.bitPattern)) }
        for flags in quality { mix(UInt64(flags.rawValue)) }
        for event in truth {
            mix(UInt64(event.onsetSample))
            mix(UInt64(event.offsetSample))
            mix(event.peakAmplitude.bitPattern)
        }
        return hash
    }

    /// Fingerprints of 30 s of every scenario (seed 5; two EMG channels), taken from the
    /// generator as it was before variation existed. The capture goldens, the detector's
    /// tests and the firmware simulations rest on these recordings.
    private static let fixedDesign: [Scenario: UInt64] = [
        .clean: 11_432_097_649_966_600_984, .hum50: 3_159_421_215_813_906_849, .hum60: 14_338_478_087_502_856_998,
        .talkingChewing: 9_945_735_174_577_656_699, .clusters: 10_718_767_794_834_062_260,
        .tremor: 7_161_223_228_845_307_803, .nearFloor: 9_196_478_366_101_904_525,
        .leadOff: 12_063_635_739_632_319_106, .accelerometer: 6_678_125_914_940_139_549,
        .mixed: 4_990_643_176_971_887_322, .calibration: 10_430_870_288_868_693_915,
        .demo: 8_047_266_722_700_167_820,
    ]

    @Test(arguments: Scenario.allCases)
    func withoutVariationEveryScenarioIsTheFixedDesignBitForBit(scenario: Scenario) {
        #expect(fingerprint(scenario, variation: .none) == Self.fixedDesign[scenario])
    }

    @Test(arguments: [ScenarioVariation.tuning, .heldOut])
    func variationIsDrawnFromTheSeed(variation: ScenarioVariation) {
        let (_, first, firstTruth) = record(.mixed, seed: 9, seconds: 20, variation: variation)
        let (_, again, againTruth) = record(.mixed, seed: 9, seconds: 20, variation: variation)
        let (_, otherSeed, _) = record(.mixed, seed: 10, seconds: 20, variation: variation)
        let (_, fixed, _) = record(.mixed, seed: 9, seconds: 20, variation: .none)
        #expect(first == again)
        #expect(firstTruth == againTruth)
        #expect(first != otherSeed)
        #expect(first != fixed)
        #expect(fingerprint(.hum50, variation: variation) != Self.fixedDesign[.hum50])
    }

    @Test func tuningAndHeldOutDrawApart() {
        for seed in UInt64(1)...40 {
            let tuning = SignalVariation(.tuning, seed: seed)
            let heldOut = SignalVariation(.heldOut, seed: seed)
            #expect((0...1).contains(tuning.noiseExponent!))
            #expect((1...2).contains(heldOut.noiseExponent!))
            #expect((0.8...1.25).contains(tuning.noiseScale))
            #expect((0.6...0.8).contains(heldOut.noiseScale) || (1.25...1.6).contains(heldOut.noiseScale))
            #expect(tuning.actionPotential == .triphasic || tuning.actionPotential == .biphasic)
            if case .asymmetricTriphasic(let stretch) = heldOut.actionPotential {
                #expect((1.6...2.6).contains(stretch))
            } else {
                Issue.record("held-out action potentials are asymmetric, not \(heldOut.actionPotential)")
            }
            #expect((0.5...1.5).contains(tuning.oddHarmonicScale))
            #expect((1.5...3).contains(heldOut.oddHarmonicScale))
            #expect((0...0.5).contains(heldOut.evenHarmonicScale))
            #expect(tuning.mount!.angle <= 30 * Double.pi / 180)
            #expect((30...90).contains(heldOut.mount!.angle * 180 / Double.pi))
            #expect(tuning.popSlowTailShare == 0 && heldOut.popSlowTailShare > 0)
            for chewing in [tuning.chewingRateHz, heldOut.chewingRateHz] {
                #expect(chewing.lowerBound >= 1 && chewing.upperBound <= 2, "DOMAIN.md: chewing at 1 to 2 Hz")
            }
            for tremor in [tuning.accelerationTremorHz, heldOut.accelerationTremorHz] {
                #expect(tremor.lowerBound >= 4 && tremor.upperBound <= 6, "DOMAIN.md: a lip tremor at 4 to 6 Hz")
            }
            let tuningTremor = tuning.accelerationTremorHz.lowerBound + 0.1
            let heldOutTremor = heldOut.accelerationTremorHz.lowerBound + 0.1
            #expect((4.6...5.4).contains(tuningTremor))
            #expect(heldOutTremor <= 4.6 || heldOutTremor >= 5.4)
            #expect(tuning.accelerationTremorSpread <= 0.5 && heldOut.accelerationTremorSpread >= 0.5)
        }
    }

    @Test(arguments: [ScenarioVariation.tuning, .heldOut])
    func humStaysAtAMainsFrequency(variation: ScenarioVariation) {
        let tolerance = variation == .tuning ? 0...0.1 : 0.1...0.2
        var seenSixty = false, seenFifty = false
        for seed in UInt64(1)...6 {
            for scenario in [Scenario.hum50, .hum60, .talkingChewing] {
                let (generator, values, _) = record(scenario, seed: seed, seconds: 4, variation: variation)
                let mains = generator.mainsHz!
                let nominal = scenario == .hum60 || (scenario == .talkingChewing && mains > 55) ? 60.0 : 50.0
                if scenario == .hum50 { #expect(abs(mains - 50) <= 0.2) }
                if scenario == .hum60 { #expect(abs(mains - 60) <= 0.2) }
                #expect(tolerance.contains(abs(mains - nominal)), "mains at \(mains) Hz")
                seenSixty = seenSixty || (scenario == .talkingChewing && nominal == 60)
                seenFifty = seenFifty || (scenario == .talkingChewing && nominal == 50)
                if scenario != .talkingChewing {
                    let mean = values.map(Double.init).reduce(0, +) / Double(values.count)
                    let signal = values.map { Double($0) - mean }
                    #expect(power(signal, at: mains) > 10 * power(signal, at: mains + 5), "hum is at \(mains) Hz")
                }
            }
        }
        #expect(seenFifty && seenSixty, "scenarios that do not fix the mains get 50 or 60 Hz")
    }

    /// Power of `signal` (sampled at `rate`) at `frequency`, by one DFT bin under a Hann
    /// window (so the slow wander does not leak into it).
    private func power(_ signal: [Double], at frequency: Double, rate: Double = 2000) -> Double {
        var re = 0.0, im = 0.0
        for (n, x) in signal.enumerated() {
            let phase = 2 * Double.pi * frequency * Double(n) / rate
            let window = 0.5 - 0.5 * cos(2 * Double.pi * Double(n) / Double(signal.count))
            re += window * x * cos(phase)
            im += window * x * sin(phase)
        }
        return re * re + im * im
    }

    @Test func noiseHasItsColour() {
        var random = SignalRandom(seed: 3)
        func differenceRatio(_ exponent: Double) -> (rms: Double, ratio: Double) {
            var noise = ColouredNoise(exponent: exponent, sampleRate: 2000, random: &random)
            let values = (0..<40_000).map { _ in noise.next(random: &random) }
            let power = values.map { $0 * $0 }.reduce(0, +) / Double(values.count)
            let differences = zip(values, values.dropFirst()).map { ($1 - $0) * ($1 - $0) }
            return (power.squareRoot(), differences.reduce(0, +) / Double(differences.count) / power)
        }
        let white = differenceRatio(0), pink = differenceRatio(1), brown = differenceRatio(2)
        for noise in [white, pink, brown] {
            #expect((0.6...1.4).contains(noise.rms), "unit RMS, not \(noise.rms)")
        }
        #expect(white.ratio > 3 * pink.ratio && pink.ratio > 3 * brown.ratio, "\(white) \(pink) \(brown)")
    }

    @Test(arguments: [ScenarioVariation.tuning, .heldOut])
    func restNoiseStaysInItsRange(variation: ScenarioVariation) {
        for seed in UInt64(1)...8 {
            let (_, values, _) = record(.clean, seed: seed, seconds: 3, variation: variation)
            let quiet = values[2000..<3000].map(Double.init)
            let mean = quiet.reduce(0, +) / Double(quiet.count)
            let deviation = (quiet.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(quiet.count)).squareRoot()
            // 2 to 4 µV, scaled by 0.6 to 1.6, drifting by ±25 %, plus slow wander.
            #expect((0.2...9).contains(deviation), "rest noise of \(deviation) µV")
        }
    }

    @Test(arguments: [ScenarioVariation.tuning, .heldOut])
    func physiologyStaysInDomainRanges(variation: ScenarioVariation) {
        for seed in UInt64(1)...3 {
            for scenario in [Scenario.clean, .tremor, .talkingChewing] {
                let (generator, _, truth) = record(scenario, seed: seed, seconds: 150, variation: variation)
                for event in truth {
                    let seconds = Double(event.offsetSample - event.onsetSample) / generator.sampleRateHz
                    switch event.kind {
                    case .twitch: #expect((0.02...1.6).contains(seconds), "a twitch of \(seconds) s")
                    case .tremor: #expect((4...6).contains(event.frequencyHz ?? 0))
                    case .chewing: #expect((1...2).contains(event.frequencyHz ?? 0))
                    default: break
                    }
                }
            }
        }
    }

    @Test(arguments: [ScenarioVariation.tuning, .heldOut])
    func truthStillLinesUpWithTheEvents(variation: ScenarioVariation) {
        for seed in UInt64(1)...3 {
            let (_, values, truth) = record(.leadOff, seed: seed, seconds: 240, variation: variation)
            let signal = values.map(Double.init)
            for (earlier, later) in zip(truth, truth.dropFirst()) {
                #expect(earlier.offsetSample < later.onsetSample, "\(earlier) overlaps \(later)")
            }
            /// RMS of the first difference over `range`: the fast part of the signal.
            func activity(_ range: Range<Int>) -> Double {
                let part = signal[range]
                let squares = zip(part, part.dropFirst()).map { ($1 - $0) * ($1 - $0) }
                return (squares.reduce(0, +) / Double(max(1, squares.count))).squareRoot()
            }
            let twitches = truth.filter { $0.kind == .twitch }
            let standingOut = twitches.filter { twitch in
                let before = max(0, twitch.onsetSample - 600)..<twitch.onsetSample
                return activity(twitch.onsetSample..<(twitch.offsetSample + 1)) > 1.5 * activity(before)
            }
            #expect(!twitches.isEmpty && standingOut.count * 10 >= twitches.count * 9,
                    "\(standingOut.count) of \(twitches.count) twitches stand out where the truth puts them")
            let cables = truth.filter { $0.kind == .cableMotion }
            #expect(!cables.isEmpty, "artifacts come with cable motion")
            for cable in cables {
                // Low-frequency, so not in the first difference: its swing from where the signal was.
                let level = signal[cable.onsetSample - 1]
                let swing = signal[cable.onsetSample...cable.offsetSample].map { abs($0 - level) }.max() ?? 0
                #expect(swing > 0.3 * cable.peakAmplitude, "cable motion shows where the truth puts it")
            }
        }
    }

    /// A varied accelerometer recording holds lip tremors of 5 to 20 s at 4 to 6 Hz, on the
    /// accelerometer, and the acceleration swings at that frequency where the truth puts
    /// them; the fixed design has none.
    @Test(arguments: [ScenarioVariation.tuning, .heldOut])
    func theAccelerometerGetsALipTremor(variation: ScenarioVariation) {
        let (generator, values, truth) = record(.accelerometer, seed: 3, seconds: 300, variation: variation)
        let rate = generator.sampleRateHz
        let tremors = truth.filter { $0.kind == .tremor }
        #expect(!tremors.isEmpty)
        for tremor in tremors {
            let seconds = Double(tremor.offsetSample - tremor.onsetSample + 1) / rate
            #expect((5...20).contains(seconds), "\(seconds) s")
            #expect((4...6).contains(tremor.frequencyHz ?? 0))
            #expect(tremor.channel == 0)
            // The signal's swing (x, y and z less their means over the tremor) at its
            // frequency against 2 Hz off it, by one DFT bin per axis.
            let range = tremor.onsetSample...tremor.offsetSample
            var atTremor = 0.0, off = 0.0
            for axis in 0..<3 {
                let axisValues = range.map { Double(values[$0 * 3 + axis]) }
                let mean = axisValues.reduce(0, +) / Double(axisValues.count)
                atTremor += power(axisValues.map { $0 - mean }, at: tremor.frequencyHz!, rate: rate)
                off += power(axisValues.map { $0 - mean }, at: tremor.frequencyHz! + 2, rate: rate)
            }
            #expect(atTremor > 100 * off, "the tremor swings at \(tremor.frequencyHz!) Hz")
        }
        let (_, _, fixed) = record(.accelerometer, seed: 3, seconds: 300, variation: .none)
        #expect(!fixed.contains { $0.kind == .tremor })
    }

    @Test func theMountTurnsGravityWithinItsRange() {
        for seed in UInt64(1)...6 {
            let gravity = { (variation: ScenarioVariation) -> (Double, Double, Double) in
                let (_, values, _) = self.record(.accelerometer, seed: seed, seconds: 1.5, variation: variation)
                let count = Double(values.count / 3)
                return (stride(from: 0, to: values.count, by: 3).map { Double(values[$0]) }.reduce(0, +) / count,
                        stride(from: 1, to: values.count, by: 3).map { Double(values[$0]) }.reduce(0, +) / count,
                        stride(from: 2, to: values.count, by: 3).map { Double(values[$0]) }.reduce(0, +) / count)
            }
            let fixed = gravity(.none), tuning = gravity(.tuning)
            let cosine = fixed.0 * tuning.0 + fixed.1 * tuning.1 + fixed.2 * tuning.2
            let length = (tuning.0 * tuning.0 + tuning.1 * tuning.1 + tuning.2 * tuning.2).squareRoot()
            #expect(abs(length - 1) < 0.01, "gravity stays 1 g, not \(length)")
            #expect(acos(min(1, cosine / length)) * 180 / Double.pi <= 30.5, "a tuning mount turns 30° at most")
        }
    }
}
