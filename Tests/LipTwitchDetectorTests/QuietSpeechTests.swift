import Foundation
import LipTwitchDetector
import Testing

/// Quiet speech on one channel: a burst at a third of press strength may be a strong
/// twitch, two of them in one stretch of activity are a phrase (docs/DETECTOR.md,
/// "Classification"). The rhythm checks are off here: two even bursts a second apart
/// would look like chewing to them, and this is about strength alone.
@Suite struct QuietSpeechTests {
    static let rate = 2000.0

    static let withoutRhythm: DetectorConfiguration = {
        var configuration = DetectorConfiguration()
        configuration.speechCorrelation = 2
        configuration.chewingCorrelation = 2
        configuration.tremorCorrelation = 2
        return configuration
    }()

    /// Twitch confirmations from 5 s of rest (or, `afterSpeech`, a loud 0.4 s syllable of
    /// 100 µV and 3 s of rest: beyond the stretch and the 1.5 s hold), then bursts of `seconds` at about `rms` µV (in band) with
    /// `pause` seconds between them, then 10 s of rest. Without a profile the press RMS is
    /// 120 µV: the phrase threshold is 36 µV, the voluntary one 72 µV.
    static func twitches(
        bursts: Int, rms: Double, seconds: Double = 0.4, pause: Double = 0.5, afterSpeech: Bool = false,
        configuration: DetectorConfiguration = withoutRhythm
    ) throws -> (Int, DetectorCounters) {
        var detector = try TwitchDetector(
            sampleRateHz: rate, inputs: [DetectorInput(kind: .emg(column: 0), label: "emg")], columnCount: 1,
            configuration: configuration)
        var noise = LinearNoise(seed: 21)
        var events: [DetectorEvent] = []
        func feed(seconds: Double, amplitude: Double = 0) {
            let values = (0..<Int(seconds * rate)).map { n -> Float in
                // Uniform noise times a 159 Hz carrier: RMS 0.41 × the amplitude, about
                // half of it within the detector's band (20 to 450 Hz).
                Float(3 * noise.next() + amplitude * noise.next() * sin(Double(n) * 0.5))
            }
            detector.process(values, quality: nil, into: &events)
        }
        feed(seconds: 5)
        if afterSpeech {
            feed(seconds: 0.4, amplitude: 100 / 0.2)
            feed(seconds: 3)
        }
        for burst in 0..<bursts {
            if burst > 0 { feed(seconds: pause) }
            feed(seconds: seconds, amplitude: rms / 0.2)
        }
        feed(seconds: 10)
        detector.finish(into: &events)
        let onsets = events.filter { if case .onset(let onset) = $0 { onset.kind == .twitch } else { false } }
        return (onsets.count, detector.counters)
    }

    @Test func oneBurstAtSyllableStrengthIsATwitch() throws {
        let (twitches, _) = try Self.twitches(bursts: 1, rms: 45)
        #expect(twitches == 1)
    }

    @Test func twoBurstsAtSyllableStrengthInOneStretchAreSpeech() throws {
        let (twitches, counters) = try Self.twitches(bursts: 2, rms: 45)
        #expect(twitches == 0)
        #expect(counters.voluntaryBursts == 2)
    }

    @Test func theSamePairIsTwoTwitchesWhenAPhraseNeedsThree() throws {
        var configuration = Self.withoutRhythm
        configuration.phraseBursts = 3
        let (twitches, _) = try Self.twitches(bursts: 2, rms: 45, configuration: configuration)
        #expect(twitches == 2)
    }

    @Test func twoWeakerBurstsAreAClusterOfTwitches() throws {
        let (twitches, _) = try Self.twitches(bursts: 2, rms: 20)
        #expect(twitches == 2)
    }

    @Test func twoBurstsAtSyllableStrengthFarApartAreTwoTwitches() throws {
        let (twitches, _) = try Self.twitches(bursts: 2, rms: 45, pause: 3)
        #expect(twitches == 2)
    }

    // In conversation: 30 µV is a quarter of the default press RMS (120 µV), above the
    // conversation threshold (0.2 × press, 24 µV) and below the phrase threshold (36 µV).

    @Test func aQuietPairSecondsAfterSpeechIsTheConversationGoingOn() throws {
        let (twitches, counters) = try Self.twitches(bursts: 2, rms: 30, afterSpeech: true)
        #expect(twitches == 0)
        #expect(counters.voluntaryBursts == 3)
    }

    @Test func theSameQuietPairAwayFromSpeechIsTwoTwitches() throws {
        let (twitches, _) = try Self.twitches(bursts: 2, rms: 30)
        #expect(twitches == 2)
    }

    @Test func oneQuietBurstAfterSpeechIsATwitch() throws {
        let (twitches, _) = try Self.twitches(bursts: 1, rms: 30, afterSpeech: true)
        #expect(twitches == 1)
    }

    @Test func aWeakPairAfterSpeechIsTwoTwitches() throws {
        let (twitches, _) = try Self.twitches(bursts: 2, rms: 15, afterSpeech: true)
        #expect(twitches == 2)
    }
}
