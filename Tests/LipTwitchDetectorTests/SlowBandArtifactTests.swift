import LipTwitchDetector
import Foundation
import Testing

/// Artifacts that are strong below the EMG band: a moving lead (cable motion: broadband
/// noise below a few tens of Hz, swelling and fading over a second or so) and electrode
/// pops (a step that creeps back). Their upper flank reaches into the EMG band and rises
/// above the floor there; they are artifacts, never twitches.
@Suite struct SlowBandArtifactTests {
    /// Cable motion: noise through two one-pole low-passes at `cornerHz`, `rms` µV at its
    /// height, under a raised-cosine swell of `seconds`, starting at `start` (sample).
    struct CableMotion {
        let start: Int
        let length: Int
        let values: [Double]

        init(start: Int, seconds: Double, rms: Double, cornerHz: Double, seed: UInt64, sampleRate: Double = 2000) {
            self.start = start
            length = Int(seconds * sampleRate)
            let pole = exp(-2 * Double.pi * cornerHz / sampleRate)
            var noise = LinearNoise(seed: seed)
            var first = 0.0, second = 0.0
            var raw: [Double] = []
            for _ in 0..<length {
                first = pole * first + (1 - pole) * noise.next()
                second = pole * second + (1 - pole) * first
                raw.append(second)
            }
            let level = (raw.reduce(0) { $0 + $1 * $1 } / Double(length)).squareRoot()
            let length = length
            values = raw.enumerated().map { index, value in
                rms / level * value * (0.5 - 0.5 * cos(2 * Double.pi * Double(index) / Double(length))) * 2.squareRoot()
            }
        }

        func value(at sample: Int) -> Double {
            (start..<(start + length)).contains(sample) ? values[sample - start] : 0
        }
    }

    /// An electrode pop: a step of `step` µV at `start` decaying with `tau` seconds.
    struct Pop {
        let start: Int
        let step: Double
        let tau: Double

        func value(at sample: Int) -> Double {
            sample < start ? 0 : step * exp(-Double(sample - start) / (tau * 2000))
        }
    }

    static let cables = [
        CableMotion(start: 12_000, seconds: 1.2, rms: 400, cornerHz: 8, seed: 1),
        CableMotion(start: 52_000, seconds: 0.6, rms: 1200, cornerHz: 12, seed: 2),
        CableMotion(start: 92_000, seconds: 1.8, rms: 200, cornerHz: 5, seed: 3),
    ]
    static let pops = [
        Pop(start: 32_000, step: 800, tau: 0.1), Pop(start: 72_000, step: -2500, tau: 0.3),
        Pop(start: 112_000, step: 400, tau: 0.6),
    ]

    /// The clean scenario with three cable-motion bursts and three pops added: none of
    /// them is reported as a twitch (no reported twitch that matches no true one starts
    /// from 0.1 s before one to 0.5 s after it), they are counted as artifacts (motion and
    /// pop), and the true twitches are found as without them.
    @Test func cableMotionAndPopsAreArtifacts() throws {
        let plain = try ScenarioRun(.clean, seconds: 65, seed: 4)
        let disturbed = try ScenarioRun(.clean, seconds: 65, seed: 4, added: { sample in
            Self.cables.reduce(0) { $0 + $1.value(at: sample) } + Self.pops.reduce(0) { $0 + $1.value(at: sample) }
        })
        let spans = Self.cables.map { ($0.start, $0.start + $0.length) } + Self.pops.map { ($0.start, $0.start + 600) }
        let trueOnsets = disturbed.truth.filter { $0.kind == .twitch }.map(\.onsetSample)
        for (_, twitch) in disturbed.detectedTwitches where !trueOnsets.contains(where: { abs($0 - twitch.onsetSample) <= 200 }) {
            #expect(!spans.contains { twitch.onsetSample >= $0.0 - 200 && twitch.onsetSample <= $0.1 + 1000 },
                    "a false twitch at \(Double(twitch.onsetSample) / 2000) s")
        }
        #expect(disturbed.counters.motion >= 2, "\(disturbed.counters)")
        #expect(disturbed.counters.pops >= 2, "\(disturbed.counters)")
        #expect(disturbed.score.f1 >= plain.score.f1 - 0.05, "with artifacts \(disturbed.score), without \(plain.score)")
    }
}
