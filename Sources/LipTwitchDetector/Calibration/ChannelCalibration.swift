/// Calibration of one input: the rest floor from the rest period, then the presses.
///
/// During the rest period (after the first second, while the filters settle) it keeps the
/// RMS of every quarter-second block; the rest floor is their median. After the rest
/// period it cuts bursts with the detector's own segmenter against that floor; bursts of
/// at least `minimumPressSeconds` are presses, and the press RMS is their median. What it
/// finds waits in `findings` until the `Calibrator` takes it.
struct ChannelCalibration: Sendable {
    /// A burst the calibration judged.
    enum Finding: Sendable, Equatable {
        case press(rms: Double, seconds: Double)
        /// Strong enough to be meant as a press, too short to count as one.
        case shortPress(seconds: Double)
    }

    let input: DetectorInput
    private var front: SignalFront
    private var segmenter: BurstSegmenter
    private let settleSamples: Int
    private let restEnd: Int
    private let blockLength: Int
    private let minimumPress: Int
    private let sampleRate: Double
    private var blockEnergy = 0.0
    private var blockPosition = 0
    private var restBlocks: [Double] = []
    private(set) var restFloor: Double?
    private(set) var presses: [Double] = []
    private(set) var samples = 0
    /// Found since the `Calibrator` last took them.
    var findings: [Finding] = []
    /// The conditioned samples of the block under way: scratch space.
    private var conditioned: [BurstSegmenter.Sample] = []

    /// Presses beyond this many are not kept (the median needs no more).
    static let maximumPresses = 64
    static let minimumPressSeconds = 0.3
    /// A burst this much above the rest floor, and at least `shortestReported` long, was
    /// meant as a press even when it is too short to count.
    static let intendedPressRatio = 10.0
    static let shortestReportedSeconds = 0.1

    init(input: DetectorInput, configuration: DetectorConfiguration, sampleRate: Double, restSeconds: Double) {
        self.input = input
        // Both combs run throughout, hum or not: a profile's press and floor are RMS
        // through them, the unit every threshold is given in.
        front = SignalFront(input: input, configuration: configuration, sampleRate: sampleRate, humSearchSeconds: nil)
        segmenter = BurstSegmenter(configuration: configuration, sampleRate: sampleRate,
                                   envelopeLength: front.envelopeLength,
                                   isAccelerometer: input.isAccelerometer)
        settleSamples = Int(sampleRate)
        restEnd = Int(restSeconds * sampleRate)
        blockLength = max(1, Int(configuration.floorBlockSeconds * sampleRate))
        minimumPress = Int(Self.minimumPressSeconds * sampleRate)
        self.sampleRate = sampleRate
        restBlocks.reserveCapacity(max(1, (restEnd - settleSamples) / blockLength + 1))
        presses.reserveCapacity(Self.maximumPresses)
    }

    /// Takes a block of this input's frames.
    mutating func push(_ frames: [InputFrame]) {
        conditioned.removeAll(keepingCapacity: true)
        front.push(frames, into: &conditioned)
        for sample in conditioned { handle(sample) }
    }

    mutating func finish() {
        conditioned.removeAll(keepingCapacity: true)
        front.flush(into: &conditioned)
        for sample in conditioned { handle(sample) }
        if let burst = segmenter.finish(at: samples - 1) { keep(burst) }
    }

    private mutating func handle(_ sample: BurstSegmenter.Sample) {
        samples += 1
        if sample.index < restEnd {
            guard sample.index >= settleSamples else { return }
            blockEnergy += sample.energy
            blockPosition += 1
            if blockPosition == blockLength {
                restBlocks.append((blockEnergy / Double(blockLength)).squareRoot())
                blockEnergy = 0
                blockPosition = 0
            }
            return
        }
        if restFloor == nil {
            restFloor = Self.median(restBlocks)
        }
        if let burst = segmenter.add(sample, floor: restFloor) { keep(burst) }
    }

    private mutating func keep(_ burst: Burst) {
        guard burst.quality.isEmpty, !burst.touchedFlatline else { return }
        let seconds = Double(burst.length) / sampleRate
        guard burst.length >= minimumPress else {
            if seconds >= Self.shortestReportedSeconds, let restFloor, burst.rms >= Self.intendedPressRatio * restFloor {
                findings.append(.shortPress(seconds: seconds))
            }
            return
        }
        guard presses.count < Self.maximumPresses else { return }
        presses.append(burst.rms)
        findings.append(.press(rms: burst.rms, seconds: seconds))
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
