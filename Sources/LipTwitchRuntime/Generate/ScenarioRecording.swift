import LipTwitchDetector
import LipTwitchSignals
import LipTwitchSystem

/// `liptwitch generate`: a scenario recording written as CSV (`time_s` then one column per
/// channel, named with its unit) with its ground truth beside it, block by block, so any
/// length takes the same memory.
public struct ScenarioRecording {
    public var scenario: Scenario
    public var seed: UInt64
    public var durationSeconds: Double
    public var sampleRateHz: Double?
    public var emgChannelCount: Int
    public var variation: ScenarioVariation

    public init(scenario: Scenario, seed: UInt64, durationSeconds: Double, sampleRateHz: Double?, emgChannelCount: Int,
                variation: ScenarioVariation = .none) {
        self.scenario = scenario
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.sampleRateHz = sampleRateHz
        self.emgChannelCount = emgChannelCount
        self.variation = variation
    }

    /// Writes the CSV to `path` and the truth to `truthPath` (by default beside it, see
    /// `TruthFile`), and returns how many samples per channel were written.
    @discardableResult
    public func write(to path: String, truthPath: String? = nil) throws(SystemError) -> Int {
        var generator = ScenarioGenerator(
            scenario: scenario, seed: seed, sampleRateHz: sampleRateHz, emgChannelCount: emgChannelCount,
            durationSeconds: durationSeconds, variation: variation)
        let output = try BufferedOutput(path: path)
        var truthFile = try TruthFile(
            path: truthPath ?? TruthFile.path(besideRecording: path), generator: generator,
            durationSeconds: durationSeconds)
        let decimals = scenario.isAccelerometer ? 6 : 3
        try output.write(line: (["time_s"] + generator.channels.map(\.columnName)).joined(separator: ","))
        let total = Int((durationSeconds * generator.sampleRateHz).rounded())
        let block = 4096
        var values: [Float] = []
        var quality: [SampleQuality] = []
        var truth: [TruthEvent] = []
        var line: [UInt8] = []
        values.reserveCapacity(block * generator.channels.count)
        quality.reserveCapacity(block * generator.channels.count)
        line.reserveCapacity(64 * 1024)
        var written = 0
        while written < total, !output.isClosed {
            let count = min(block, total - written)
            values.removeAll(keepingCapacity: true)
            quality.removeAll(keepingCapacity: true)
            generator.generate(sampleCount: count, values: &values, quality: &quality)
            line.removeAll(keepingCapacity: true)
            var index = 0
            for sample in written..<(written + count) {
                FixedPointText.append(Double(sample) / generator.sampleRateHz, decimals: 6, to: &line)
                for _ in generator.channels {
                    line.append(UInt8(ascii: ","))
                    FixedPointText.append(Double(values[index]), decimals: decimals, to: &line)
                    index += 1
                }
                line.append(UInt8(ascii: "\n"))
            }
            try output.write(bytes: line)
            written += count
            generator.takeTruth(into: &truth)
            try truthFile.write(truth)
            truth.removeAll(keepingCapacity: true)
        }
        generator.finish()
        generator.takeTruth(into: &truth)
        try truthFile.write(truth)
        try truthFile.close(sampleCount: written)
        try output.flush()
        return written
    }
}
