@testable import LipTwitchDetector
import LipTwitchSignals
import Foundation
import Testing

/// The detector as a stream: chunking never matters, memory never grows, bad samples
/// and the end of the stream are handled.
@Suite struct StreamingTests {
    @Test(arguments: [[1], [7, 1, 300], [4096], [1999, 3, 64_000]])
    func blockSizesDoNotChangeTheEvents(blockSizes: [Int]) throws {
        let reference = try ScenarioRun(.mixed, seconds: 60, seed: 4, blockSizes: [120_000])
        let chunked = try ScenarioRun(.mixed, seconds: 60, seed: 4, blockSizes: blockSizes)
        #expect(!reference.events.isEmpty)
        #expect(chunked.events == reference.events)
        #expect(chunked.counters == reference.counters)
    }

    @Test func memoryStaysTheSameHoweverLongItRuns() throws {
        var generator = ScenarioGenerator(scenario: .clusters, seed: 2)
        var configuration = DetectorConfiguration()
        configuration.episodeGapSeconds = 30  // long episodes: many twitches each
        var detector = try TwitchDetector(
            sampleRateHz: 2000, inputs: ScenarioRun.inputs(of: generator), columnCount: 1, configuration: configuration)
        let initial = detector.footprint
        var events: [DetectorEvent] = []
        var values: [Float] = [], quality: [SampleQuality] = []
        var footprints: Set<Int> = []
        for minute in 0..<10 {
            for _ in 0..<60 {
                values.removeAll(keepingCapacity: true)
                quality.removeAll(keepingCapacity: true)
                generator.generate(sampleCount: 2000, values: &values, quality: &quality)
                detector.process(values, quality: quality, into: &events)
            }
            if minute > 0 { footprints.insert(detector.footprint) }
            events.removeAll(keepingCapacity: true)
        }
        #expect(footprints.count == 1, "footprint over time: \(footprints)")
        #expect(footprints.first! <= 2 * initial, "from \(initial) to \(footprints)")
        #expect(detector.counters.twitches > 50)
    }

    @Test func lostSamplesMakeTheBurstAroundThemAnArtifact() throws {
        let rate = 2000.0
        var detector = try TwitchDetector(
            sampleRateHz: rate, inputs: [DetectorInput(kind: .emg(column: 0), label: "emg")], columnCount: 1)
        var noise = LinearNoise(seed: 8)
        var events: [DetectorEvent] = []
        func feed(seconds: Double, burst: Bool = false, quality: SampleQuality = .good) {
            let count = Int(seconds * rate)
            let values = (0..<count).map { n -> Float in
                let hum = burst ? 60 * Float(noise.next()) * Float(sin(Double(n) * 0.5)) : 0
                return 3 * Float(noise.next()) + hum
            }
            detector.process(values, quality: Array(repeating: quality, count: count), into: &events)
        }
        feed(seconds: 5)
        feed(seconds: 0.3, burst: true)
        feed(seconds: 0.05, quality: .gap)
        feed(seconds: 0.3, burst: true)
        feed(seconds: 5)
        feed(seconds: 0.5, burst: true)
        feed(seconds: 5)
        detector.finish(into: &events)
        #expect(detector.counters.gaps == 1)
        let twitches = events.compactMap { if case .onset(let onset) = $0 { onset } else { nil } }
        #expect(twitches.count == 1)
        #expect(twitches.first.map { abs(Double($0.onsetSample) / rate - 10.65) < 0.05 } == true)
    }

    @Test func finishClosesWhatIsOpenAsTruncated() throws {
        var generator = ScenarioGenerator(scenario: .clusters, seed: 3)
        var detector = try TwitchDetector(sampleRateHz: 2000, inputs: ScenarioRun.inputs(of: generator), columnCount: 1)
        var events: [DetectorEvent] = []
        var values: [Float] = [], quality: [SampleQuality] = []
        var truth: [TruthEvent] = []
        // Stop half a second after the first twitch ends.
        while truth.isEmpty {
            generator.generate(sampleCount: 100, values: &values, quality: &quality)
            generator.takeTruth(into: &truth)
        }
        generator.generate(sampleCount: 1000, values: &values, quality: &quality)
        detector.process(values, quality: quality, into: &events)
        #expect(!events.contains { if case .episode = $0 { true } else { false } })
        detector.finish(into: &events)
        let episodes = events.compactMap { if case .episode(let episode) = $0 { episode } else { nil } }
        #expect(episodes.count == 1)
        #expect(episodes.first?.isTruncated == true)
    }

    @Test func badConfigurationsAreRefusedWithAReason() {
        #expect(throws: DetectorError.self) {
            try TwitchDetector(sampleRateHz: 100, inputs: [DetectorInput(kind: .emg(column: 0), label: "emg")], columnCount: 1)
        }
        #expect(throws: DetectorError.self) {
            try TwitchDetector(sampleRateHz: 2000, inputs: [DetectorInput(kind: .emg(column: 3), label: "emg")], columnCount: 1)
        }
        #expect(throws: DetectorError.self) { try TwitchDetector(sampleRateHz: 2000, inputs: [], columnCount: 1) }
    }
}
