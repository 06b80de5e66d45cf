/// The front of one input's chain, shared by the detector and by calibration: the
/// validity gate, the filters, the RMS envelope and, for an accelerometer, the gross-motion
/// gate. Bad samples never reach the filters: a `GapBridge` carries the signal across them,
/// so a rail or a gap cannot ring through them, nor the return from one.
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

    init(input: DetectorInput, configuration: DetectorConfiguration, sampleRate: Double) {
        gate = ValidityGate(flatlineSamples: max(8, Int(configuration.flatlineSeconds * sampleRate)))
        let envelopeSeconds: Double
        if input.isAccelerometer {
            acceleration = AccelerationConditioner(configuration: configuration, sampleRate: sampleRate)
            envelopeSeconds = configuration.accelerationEnvelopeSeconds
        } else {
            emg = EMGConditioner(configuration: configuration, sampleRate: sampleRate)
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

    /// Takes one raw frame; returns a conditioned sample once the look-ahead allows.
    @inline(__always)
    mutating func push(_ frame: InputFrame) -> BurstSegmenter.Sample? {
        guard let judged = gate.push(frame) else { return nil }
        return condition(judged)
    }

    /// Conditions the frames still held back (at the end of the input).
    mutating func flush(_ body: (BurstSegmenter.Sample) -> Void) {
        var frames: [InputFrame] = []
        gate.flush { frames.append($0) }
        for frame in frames { body(condition(frame)) }
    }

    @inline(__always)
    private mutating func condition(_ frame: InputFrame) -> BurstSegmenter.Sample {
        let index = nextIndex
        nextIndex += 1
        let held = bridge.next(
            frame.isValid ? SIMD3(Double(frame.values.x), Double(frame.values.y), Double(frame.values.z)) : nil)
        var components = SIMD3<Double>.zero
        var energy = 0.0
        var inMotion = false
        if emg != nil {
            let y = emg!.process(held.x)
            components.x = y
            energy = y * y
        } else {
            let (band, motionEnergy) = acceleration!.process(held)
            components = band
            energy = (band * band).sum()
            let level = motionLevel.add(energy: motionEnergy)
            let moving = level > max(motionThreshold, motionFloorRatio * (motionFloor.floor ?? 0))
            motionFloor.add(energy: motionEnergy, spoils: moving || !frame.isValid)
            if moving { lastMotion = index }
            inMotion = index - lastMotion <= motionHold
        }
        return BurstSegmenter.Sample(
            index: index, envelope: envelope.add(energy: energy), energy: energy, components: components,
            quality: frame.quality, isFlat: frame.isFlat, inMotion: inMotion)
    }
}
