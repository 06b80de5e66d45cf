import Benchmark
import LipTwitchDetector
import LipTwitchSignals

/// The detector on prepared signal: samples per second on one core (one iteration is a
/// 10-second block at 2 kHz, 20 000 frames, or 5 000 frames of a 500 Hz accelerometer),
/// and allocations: none at all while the signal is at rest; only the closing episodes'
/// own storage when there are twitches. The detector is made once and streams on from
/// one iteration to the next, as it does live. BENCHMARKS.md turns times into samples/s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(5),
        maxIterations: 1_000)

    for (name, block) in Blocks.all {
        Benchmark(name) { benchmark in
            var detector = Blocks.detector(for: block)
            var events: [DetectorEvent] = []
            events.reserveCapacity(256)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                detector.process(block.values, into: &events)
                blackHole(events.count)
                events.removeAll(keepingCapacity: true)
            }
        }
    }

    let rest = Blocks.all[0].block
    Benchmark("generator: 10 s of the mixed scenario, 1 EMG channel") { benchmark in
        var generator = ScenarioGenerator(scenario: .mixed, seed: 9)
        var values: [Float] = [], quality: [SampleQuality] = []
        values.reserveCapacity(rest.values.count)
        quality.reserveCapacity(rest.values.count)
        for _ in benchmark.scaledIterations {
            values.removeAll(keepingCapacity: true)
            quality.removeAll(keepingCapacity: true)
            generator.generate(sampleCount: 20_000, values: &values, quality: &quality)
            blackHole(values.count)
        }
    }
}

/// The prepared signal, generated once before measuring.
enum Blocks {
    struct Block: Sendable {
        let values: [Float]
        let generator: ScenarioGenerator
        let columns: Int
    }

    static let all: [(name: String, block: Block)] = [
        ("detector: 1 EMG channel at rest, 10 s at 2 kHz", make(.calibration, skipSeconds: 1, channels: 1)),
        ("detector: 1 EMG channel, mixed scenario, 10 s at 2 kHz", make(.mixed, skipSeconds: 20, channels: 1)),
        ("detector: 2 EMG channels, mixed scenario, 10 s at 2 kHz", make(.mixed, skipSeconds: 20, channels: 2)),
        ("detector: accelerometer (x, y, z), 10 s at 500 Hz", make(.accelerometer, skipSeconds: 20, channels: 1)),
    ]

    /// Ten seconds of `scenario`, after skipping the first `skipSeconds`.
    static func make(_ scenario: Scenario, skipSeconds: Double, channels: Int) -> Block {
        var generator = ScenarioGenerator(scenario: scenario, seed: 7, emgChannelCount: channels)
        var values: [Float] = [], quality: [SampleQuality] = []
        generator.generate(sampleCount: Int(skipSeconds * generator.sampleRateHz), values: &values, quality: &quality)
        values.removeAll()
        quality.removeAll()
        generator.generate(sampleCount: Int(10 * generator.sampleRateHz), values: &values, quality: &quality)
        return Block(values: values, generator: generator, columns: generator.channels.count)
    }

    static func detector(for block: Block) -> TwitchDetector {
        let generator = block.generator
        let inputs: [DetectorInput] = generator.scenario.isAccelerometer
            ? [DetectorInput(kind: .accelerometer(x: 0, y: 1, z: 2), label: "accelerometer")]
            : generator.channels.indices.map { DetectorInput(kind: .emg(column: $0), label: generator.channels[$0].name) }
        return try! TwitchDetector(sampleRateHz: generator.sampleRateHz, inputs: inputs, columnCount: block.columns)
    }
}
