/// The front of one input's chain, shared by the detector and by calibration: the
/// validity gate, the filters, the RMS envelope and, for an accelerometer, the gross-motion
/// gate. Bad samples never reach the filters: a `GapBridge` carries the signal across them,
/// so a rail or a gap cannot ring through them, nor the return from one.
///
/// It works on blocks: the frames of a block go through the gate, then (EMG) each filter
/// stage runs over the whole block, then the envelope; the output does not depend on how
/// the input was cut into blocks.
struct SignalFront: Sendable {
    private var gate: ValidityGate
    private var emg: EMGConditioner?
    private var acceleration: AccelerationConditioner?
    private var envelope: MovingRMS
    private var motionLevel: MovingRMS
    private var motionFloor: NoiseFloorTracker
    private let motionThreshold: Double
    private let motionFloorRatio: Double
    private let motionHold: Int
    private var lastMotion = Int.min / 2
    private var bridge: GapBridge
    /// Index of the next frame that comes out.
    private var nextIndex = 0
    let envelopeLength: Int
    /// The frames the gate let out of the block under way: scratch space.
    private var judged: [InputFrame] = []
    /// Their EMG values, filtered in place, their strength band and their slow band:
    /// scratch space.
    private var filtered: [Double] = []
    private var strength: [Double] = []
    private var slow: [Double] = []
    /// Accelerometer: the acceleration without gravity of each sample of the last block
    /// (the tremor looks at it; kept beside the samples, so that EMG samples stay small).
    private(set) var withoutGravity: [SIMD3<Double>] = []

    /// `humSearchSeconds`: how long the EMG's combs wait for hum before they stop (nil:
    /// they never stop; `EMGConditioner`).
    init(input: DetectorInput, configuration: DetectorConfiguration, sampleRate: Double, humSearchSeconds: Double?) {
        gate = ValidityGate(flatlineSamples: max(8, Int(configuration.flatlineSeconds * sampleRate)))
        let envelopeSeconds: Double
        if input.isAccelerometer {
            acceleration = AccelerationConditioner(configuration: configuration, sampleRate: sampleRate)
            envelopeSeconds = configuration.accelerationEnvelopeSeconds
        } else {
            emg = EMGConditioner(configuration: configuration, sampleRate: sampleRate,
                                 humSearchSeconds: humSearchSeconds)
            envelopeSeconds = configuration.emgEnvelopeSeconds
        }
        envelopeLength = max(1, Int(envelopeSeconds * sampleRate))
        bridge = GapBridge(sampleRate: sampleRate)
        envelope = MovingRMS(length: envelopeLength)
        motionLevel = MovingRMS(length: max(1, Int(configuration.motionWindowSeconds * sampleRate)))
        let block = max(1, Int(configuration.floorBlockSeconds * sampleRate))
        motionFloor = NoiseFloorTracker(
            blockLength: block, blockCount: configuration.floorBlocks,
            unfreezeBlocks: Int(configuration.floorUnfreezeSeconds / configuration.floorBlockSeconds),
            initialFloor: nil, minimumFloor: 1e-4)
        motionThreshold = configuration.motionThresholdG
        motionFloorRatio = configuration.motionFloorRatio
        motionHold = Int(configuration.motionHoldSeconds * sampleRate)
    }

    /// The mains frequency the EMG notches use now (nil: undecided, off, or not EMG).
    var mainsHz: Double? { emg?.mainsHz }

    /// Takes a block of raw frames; appends to `samples` the conditioned samples the
    /// look-ahead lets out (as many as went in, once it is full).
    mutating func push(_ frames: [InputFrame], into samples: inout [BurstSegmenter.Sample]) {
        judged.removeAll(keepingCapacity: true)
        for frame in frames {
            if let out = gate.push(frame) { judged.append(out) }
        }
        conditionJudged(into: &samples)
    }

    /// Conditions the frames still held back (at the end of the input) into `samples`.
    mutating func flush(into samples: inout [BurstSegmenter.Sample]) {
        judged.removeAll(keepingCapacity: true)
        gate.flush { judged.append($0) }
        conditionJudged(into: &samples)
    }

    private mutating func conditionJudged(into samples: inout [BurstSegmenter.Sample]) {
        guard emg != nil else {
            withoutGravity.removeAll(keepingCapacity: true)
            for frame in judged { samples.append(conditionAcceleration(frame)) }
            return
        }
        filtered.removeAll(keepingCapacity: true)
        for frame in judged { filtered.append(bridged(frame).x) }
        emg!.process(&filtered, strength: &strength, slow: &slow)
        for index in judged.indices {
            let y = filtered[index]
            samples.append(sample(judged[index], components: SIMD3(y, 0, 0), energy: y * y,
                                  strengthEnergy: strength[index] * strength[index], slow: slow[index], inMotion: false))
        }
    }

    /// What the filters see for `frame`.
    @inline(__always)
    private mutating func bridged(_ frame: InputFrame) -> SIMD3<Double> {
        bridge.next(frame.isValid ? SIMD3(Double(frame.values.x), Double(frame.values.y), Double(frame.values.z)) : nil)
    }

    @inline(__always)
    private mutating func conditionAcceleration(_ frame: InputFrame) -> BurstSegmenter.Sample {
        let (band, motionEnergy, still) = acceleration!.process(bridged(frame))
        withoutGravity.append(still)
        let level = motionLevel.add(energy: motionEnergy)
        let moving = level > max(motionThreshold, motionFloorRatio * (motionFloor.floor ?? 0))
        motionFloor.add(energy: motionEnergy, spoils: moving || !frame.isValid)
        if moving { lastMotion = nextIndex }
        let energy = (band * band).sum()
        return sample(frame, components: band, energy: energy, strengthEnergy: energy, slow: 0,
                      inMotion: nextIndex - lastMotion <= motionHold)
    }

    /// The next sample out, its envelope updated.
    @inline(__always)
    private mutating func sample(_ frame: InputFrame, components: SIMD3<Double>, energy: Double,
                                 strengthEnergy: Double, slow: Double, inMotion: Bool) -> BurstSegmenter.Sample {
        let index = nextIndex
        nextIndex += 1
        return BurstSegmenter.Sample(
            index: index, envelope: envelope.add(energy: energy), energy: energy, strengthEnergy: strengthEnergy,
            components: components, slow: slow,
            quality: frame.quality, isFlat: frame.isFlat, inMotion: inMotion)
    }
}
