import Foundation
import LipTwitchDetector
import LipTwitchSignals
import Testing

/// The scenario generator: seeded, streaming, physically plausible, truthful.
@Suite struct GeneratorTests {
    /// Makes `seconds` of `scenario` in blocks of `block` frames; returns the values, the
    /// quality and the truth.
    private func record(_ scenario: Scenario, seconds: Double, seed: UInt64 = 5, block: Int = 1000,
                        channels: Int = 1) -> (ScenarioGenerator, [Float], [SampleQuality], [TruthEvent]) {
        var generator = ScenarioGenerator(scenario: scenario, seed: seed, emgChannelCount: channels, durationSeconds: seconds)
        var values: [Float] = [], quality: [SampleQuality] = [], truth: [TruthEvent] = []
        let total = Int(seconds * generator.sampleRateHz)
        while generator.sampleIndex < total {
            generator.generate(sampleCount: min(block, total - generator.sampleIndex), values: &values, quality: &quality)
        }
        generator.finish()
        generator.takeTruth(into: &truth)
        return (generator, values, quality, truth)
    }

    @Test func theSameSeedGivesTheSameRecording() {
        let (_, first, _, firstTruth) = record(.mixed, seconds: 20, seed: 9)
        let (_, second, _, secondTruth) = record(.mixed, seconds: 20, seed: 9)
        let (_, other, _, _) = record(.mixed, seconds: 20, seed: 10)
        #expect(first == second)
        #expect(firstTruth == secondTruth)
        #expect(first != other)
    }

    @Test func blockSizeDoesNotChangeTheRecording() {
        let (_, whole, wholeQuality, wholeTruth) = record(.leadOff, seconds: 15, block: 30_000)
        let (_, pieces, piecesQuality, piecesTruth) = record(.leadOff, seconds: 15, block: 7)
        #expect(whole == pieces)
        #expect(wholeQuality == piecesQuality)
        #expect(wholeTruth == piecesTruth)
    }

    @Test(arguments: Scenario.allCases)
    func everyScenarioHoldsWhatItPromises(scenario: Scenario) {
        let (generator, values, _, truth) = record(scenario, seconds: 150)
        let kinds = Set(truth.map(\.kind))
        let expected: Set<TruthEvent.Kind> = switch scenario {
        case .clean, .nearFloor, .clusters: [.twitch]
        case .hum50, .hum60: [.twitch, .pop]
        case .talkingChewing: [.twitch, .talking, .chewing]
        case .tremor: [.twitch, .tremor]
        case .leadOff: [.twitch, .leadOff, .saturation]
        case .accelerometer: [.twitch, .walking, .headMotion]
        case .mixed: [.twitch, .talking, .chewing, .pop]
        case .calibration: [.press]
        case .demo: [.twitch, .talking, .pop]
        }
        #expect(expected.isSubset(of: kinds), "\(scenario.rawValue) holds \(kinds)")
        #expect(values.count == Int(150 * generator.sampleRateHz) * generator.channels.count)
        #expect(values.allSatisfy { $0.isFinite && abs(Double($0)) <= generator.rail })
    }

    @Test func eventsFollowOneAnotherWithoutOverlapping() {
        let (_, _, _, truth) = record(.mixed, seconds: 300)
        for (earlier, later) in zip(truth, truth.dropFirst()) {
            #expect(earlier.offsetSample < later.onsetSample, "\(earlier) overlaps \(later)")
        }
    }

    @Test func physiologyStaysInItsRanges() {
        let rate = 2000.0
        for scenario in [Scenario.clean, .clusters, .tremor, .talkingChewing] {
            let (_, _, _, truth) = record(scenario, seconds: 200)
            for event in truth {
                let seconds = Double(event.offsetSample - event.onsetSample) / rate
                switch event.kind {
                case .twitch: #expect((0.02...1.6).contains(seconds), "a twitch of \(seconds) s")
                case .tremor:
                    #expect((4...6).contains(event.frequencyHz ?? 0))
                    #expect(seconds >= 4)
                case .chewing:
                    #expect((1...2).contains(event.frequencyHz ?? 0))
                    #expect(seconds >= 2)
                default: break
                }
            }
        }
        let clusters = record(.clusters, seconds: 200).3.filter { $0.kind == .twitch }
        let closeGaps = zip(clusters, clusters.dropFirst()).filter { Double($1.onsetSample - $0.offsetSample) / rate < 1.6 }
        #expect(closeGaps.count >= clusters.count / 3, "clusters put twitches within seconds of each other")
    }

    @Test func leadOffSitsAtTheRailAndIsFlagged() {
        let (generator, values, quality, truth) = record(.leadOff, seconds: 300)
        let spells = truth.filter { $0.kind == .leadOff }
        #expect(!spells.isEmpty)
        for spell in spells {
            #expect(quality[spell.onsetSample] == .leadOff)
            #expect(Double(values[spell.onsetSample]) == generator.rail)
        }
        let flagged = quality.filter { !$0.isEmpty }.count
        #expect(flagged > 0 && flagged < quality.count / 2)
        #expect(quality.contains(.saturation))
    }

    @Test func calibrationFollowsItsProtocol() {
        let (_, _, _, truth) = record(.calibration, seconds: 40)
        let presses = truth.filter { $0.kind == .press }
        #expect(presses.count == 5)
        #expect(presses.allSatisfy { $0.onsetSample >= 12 * 2000 })
        #expect(truth.allSatisfy { $0.kind == .press })
    }

    @Test(arguments: [(Scenario.hum50, 50.0), (.hum60, 60.0)])
    func humIsAtItsMainsFrequency(scenario: Scenario, mains: Double) {
        let (_, values, _, _) = record(scenario, seconds: 4)
        let signal = values.prefix(8000).map(Double.init)
        func power(_ frequency: Double) -> Double {
            var re = 0.0, im = 0.0
            for (n, x) in signal.enumerated() {
                let phase = 2 * Double.pi * frequency * Double(n) / 2000
                re += x * cos(phase)
                im += x * sin(phase)
            }
            return re * re + im * im
        }
        let other = mains == 50 ? 60.0 : 50.0
        #expect(power(mains) > 100 * power(other))
        #expect(power(3 * mains) > 10 * power(3 * other))
    }

    @Test func severalEMGChannelsAreNamedByPlacement() {
        let generator = ScenarioGenerator(scenario: .mixed, seed: 1, emgChannelCount: 2)
        #expect(generator.channels.map(\.columnName) == ["emg_upper_left_uv", "emg_upper_right_uv"])
        let single = ScenarioGenerator(scenario: .clean, seed: 1)
        #expect(single.channels.map(\.columnName) == ["emg_uv"])
        let accelerometer = ScenarioGenerator(scenario: .accelerometer, seed: 1)
        #expect(accelerometer.channels.map(\.columnName) == ["ax_g", "ay_g", "az_g"])
        #expect(accelerometer.sampleRateHz == 500)
    }

    @Test func twitchesStandOutOfTheRestingNoise() {
        let (_, values, _, truth) = record(.clean, seconds: 120)
        let quiet = values[2000..<3000].map(Double.init)
        let mean = quiet.reduce(0, +) / Double(quiet.count)
        let restDeviation = (quiet.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(quiet.count)).squareRoot()
        #expect((1...6).contains(restDeviation), "rest noise of \(restDeviation) µV plus slow wander")
        for twitch in truth where twitch.kind == .twitch {
            #expect(twitch.peakAmplitude > 5 && twitch.peakAmplitude < 1000, "peak \(twitch.peakAmplitude) µV")
        }
    }
}
