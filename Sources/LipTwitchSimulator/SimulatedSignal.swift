import LipTwitchDetector
import LipTwitchProtocol
import LipTwitchSignals

/// The samples of one stream: frames of every channel at once from the labelled scenario
/// generator, in counts of the sensor's sample format, with their lead-off and saturation
/// as channel masks, word of each twitch as it begins (the wearer feels it), and the
/// generator's ground truth.
struct SimulatedSignal: Sendable {
    private var generator: ScenarioGenerator
    /// Physical units (µV or g) per count.
    private let scale: Double
    /// The counts the sample format holds.
    private let range: ClosedRange<Double>
    private var values: [Float] = []
    private var quality: [SampleQuality] = []
    /// The onset of the last twitch felt, so that each is felt once.
    private var feltOnset = -1

    /// What one frame held besides its values.
    struct FrameQuality {
        /// Bit `i`: channel `i`'s electrode is off the skin.
        var leadOff: UInt8 = 0
        /// Bit `i`: channel `i` sits at the converter's limit.
        var saturation: UInt8 = 0
        /// A true twitch began with this frame.
        var twitchBegan = false
    }

    init(configuration: SimulatorConfiguration, seed: UInt64, sampleRateHz: Int) {
        generator = ScenarioGenerator(
            scenario: configuration.scenario, seed: seed, sampleRateHz: Double(sampleRateHz),
            emgChannelCount: configuration.scenario.isAccelerometer ? 1 : configuration.placements.count)
        scale = Double(configuration.scale)
        let valueRange = configuration.sampleFormat.valueRange
        range = Double(valueRange.lowerBound)...Double(valueRange.upperBound)
    }

    /// Appends the next frame, one count per channel, to `counts`.
    mutating func next(into counts: inout [Int32]) -> FrameQuality {
        values.removeAll(keepingCapacity: true)
        quality.removeAll(keepingCapacity: true)
        let index = generator.sampleIndex
        generator.next(values: &values, quality: &quality)
        var frame = FrameQuality()
        for channel in values.indices {
            let raw = (Double(values[channel]) / scale).rounded()
            counts.append(Int32(min(range.upperBound, max(range.lowerBound, raw))))
            if quality[channel].contains(.leadOff) { frame.leadOff |= 1 << channel }
            if quality[channel].contains(.saturation) { frame.saturation |= 1 << channel }
        }
        if let event = generator.eventUnderWay, event.kind == .twitch, event.onsetSample <= index,
           event.onsetSample > feltOnset {
            feltOnset = event.onsetSample
            frame.twitchBegan = true
        }
        return frame
    }

    /// Moves the truth of every event completed so far into `truth`.
    mutating func takeTruth(into truth: inout [TruthEvent]) {
        generator.takeTruth(into: &truth)
    }

    /// The stream ended: an event under way is cut at the last sample and completes.
    mutating func finish() {
        generator.finish()
    }
}
