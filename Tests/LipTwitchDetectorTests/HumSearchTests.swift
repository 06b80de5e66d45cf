@testable import LipTwitchDetector
import Foundation
import LipTwitchSignals
import Testing

/// Without hum there is nothing for the mains combs to remove, and what they do after a
/// strong burst (seventeen notches ringing) joined the twitches of a cluster: when the
/// search finds no mains within `humSearchSeconds`, the combs leave the EMG band and go
/// on beside it, for the strength rules alone; hum that comes later brings its comb back
/// (docs/DETECTOR.md, "Mains").
@Suite struct HumSearchTests {
    static let rate = 2000.0

    private static func conditioner(_ mains: MainsFrequency = .automatic, search: Double? = DetectorConfiguration().humSearchSeconds)
        -> EMGConditioner {
        var configuration = DetectorConfiguration()
        configuration.mains = mains
        return EMGConditioner(configuration: configuration, sampleRate: rate, humSearchSeconds: search)
    }

    /// After the search, the EMG band is exactly what it is with the notches off, and the
    /// strength band exactly what the combs make of it when they never stop (calibration).
    @Test func combsStopWithoutHum() {
        var filter = Self.conditioner()
        var withoutNotches = Self.conditioner(.off)
        var throughCombs = Self.conditioner(search: nil)
        var noise = LinearNoise(seed: 9)
        let search = Int(DetectorConfiguration().humSearchSeconds * Self.rate)
        // The search ends with the sample that completes its last second.
        let last = search - 1
        var (unlike, unlikeStrength, differentBefore) = (0, 0, 0)
        for n in 0..<(search + 2 * Int(Self.rate)) {
            let x = 5 * noise.next()
            let (output, bare, combed) = (filter.process(x), withoutNotches.process(x), throughCombs.process(x))
            if output.strength != combed.emg { unlikeStrength += 1 }
            if n < last, output.emg != combed.emg { differentBefore += 1 }
            if n >= last, output.emg != bare.emg { unlike += 1 }
        }
        #expect(filter.mainsHz == nil)
        #expect(differentBefore == 0)
        #expect(unlike == 0)
        #expect(unlikeStrength == 0)
    }

    /// Hum that begins at 10 s is decided within 4 s of it and removed as before.
    @Test(arguments: [50.0, 60.0])
    func humLaterBringsItsCombBack(mains: Double) throws {
        var filter = Self.conditioner()
        var noise = LinearNoise(seed: 4)
        let onset = 10 * Int(Self.rate)
        var decidedAt: Int?
        var residual = 0.0
        for n in 0..<(20 * Int(Self.rate)) {
            let t = Double(n) / Self.rate
            let hum = n >= onset ? 200 * sin(2 * Double.pi * mains * t) + 60 * sin(2 * Double.pi * 3 * mains * t) : 0
            let output = filter.process(hum + 3 * noise.next())
            if decidedAt == nil, filter.mainsHz != nil { decidedAt = n }
            if n >= 18 * Int(Self.rate) {
                residual += output.emg * output.emg
                #expect(output.strength == output.emg)
            }
        }
        #expect(filter.mainsHz == mains)
        let decided = try #require(decidedAt)
        #expect(decided - onset <= 4 * Int(Self.rate))
        let rms = (residual / (2 * Self.rate)).squareRoot()
        #expect(rms < 5, "\(rms) µV RMS left under 200 µV of hum and 3 µV of noise")
    }

    /// Held-out cluster recordings (the evaluation's 5 min, calibrated) where the combs'
    /// ringing joined twitches 0.3 to 0.45 s apart: with the combs beside the band, those
    /// twitches are found one by one (seed 1019: 53 of 80 before, 73 now), and hardly
    /// anything else is found in their place (1 false twitch before, 3 now).
    @Test(arguments: [UInt64(1007), 1019])
    func clusterTwitchesAreNotJoinedByRinging(seed: UInt64) throws {
        let profile = try DetectorScenarioTests.calibrate(seed: seed, variation: .heldOut)
        var ringing = DetectorConfiguration()
        ringing.humSearchSeconds = .infinity
        let before = try ScenarioRun(.clusters, seconds: 300, seed: seed, configuration: ringing, profile: profile,
                                     variation: .heldOut)
        let run = try ScenarioRun(.clusters, seconds: 300, seed: seed, profile: profile, variation: .heldOut)
        #expect(run.score.recall > before.score.recall, "\(run.score) beside the band, \(before.score) in it")
        #expect(run.score.falsePositives <= before.score.falsePositives + 2,
                "\(run.score) beside the band, \(before.score) in it")
    }
}
