import LipTwitchDetector
import LipTwitchProtocol
import LipTwitchSignals

/// One stream of a simulated board of another family (from one start to its stop): the
/// scenario generator's EMG made at 1 kHz and averaged down to the board's rate, how many
/// frames it has made, and the generator's truth in device time. `SimulatedCyton` and
/// `SimulatedBITalino` each run one while they stream.
struct GeneratedStream: Sendable {
    /// The generator's rate: a board at 250 Hz averages four of its samples per frame.
    static let generatorRateHz = 1000

    /// Device time of the start, µs.
    let startMicros: UInt64
    /// Which stream it is: 1 for the first start, 2 for the second, ...
    let number: Int
    /// Frames made so far (sent or lost): the next frame's index.
    private(set) var frames: UInt64 = 0
    private var generator: ScenarioGenerator
    private var values: [Float] = []
    private var quality: [SampleQuality] = []
    private var truth: [TruthEvent] = []

    /// Stream `number` of `scenario`, whose signal is the generator's with `seed`.
    init(scenario: Scenario, seed: UInt64, number: Int, startMicros: UInt64) {
        self.startMicros = startMicros
        self.number = number
        generator = ScenarioGenerator(scenario: scenario, seed: seed, sampleRateHz: Double(Self.generatorRateHz))
    }

    /// Seconds of streaming at device time `micros`.
    func seconds(at micros: UInt64) -> Double {
        Double(micros - startMicros) / 1e6
    }

    /// Whether `stall` (seconds after the start, and how long) keeps the board silent at
    /// device time `micros`.
    func isStalled(_ stall: (at: Double, seconds: Double)?, at micros: UInt64) -> Bool {
        guard let stall else { return false }
        let seconds = seconds(at: micros)
        return seconds >= stall.at && seconds < stall.at + stall.seconds
    }

    /// The next frame's EMG, µV: `count` of the generator's samples of its first channel,
    /// averaged.
    mutating func nextFrame(averaging count: Int) -> Double {
        values.removeAll(keepingCapacity: true)
        quality.removeAll(keepingCapacity: true)
        generator.generate(sampleCount: count, values: &values, quality: &quality)
        let channels = values.count / count
        let sum = stride(from: 0, to: values.count, by: channels).reduce(0.0) { $0 + Double(values[$1]) }
        frames += 1
        return sum / Double(count)
    }

    /// Moves the generator's completed truth into `groundTruth`, in device time (the
    /// generator's samples are 1 ms apart), its channel's events at `placement`.
    mutating func collectTruth(placement: Placement, into groundTruth: inout [GroundTruthEvent]) {
        generator.takeTruth(into: &truth)
        let perSample = UInt64(1_000_000 / Self.generatorRateHz)
        for event in truth {
            groundTruth.append(
                GroundTruthEvent(
                    event: event, placement: event.channel == nil ? nil : placement, stream: number,
                    deviceMicros: startMicros + UInt64(max(0, event.onsetSample)) * perSample,
                    endDeviceMicros: startMicros + UInt64(max(0, event.offsetSample)) * perSample))
        }
        truth.removeAll(keepingCapacity: true)
    }

    /// Ends the stream: the truth of an event under way is cut at its last sample.
    mutating func finish(placement: Placement, into groundTruth: inout [GroundTruthEvent]) {
        generator.finish()
        collectTruth(placement: placement, into: &groundTruth)
    }
}
