/// The accelerometer chain, per axis: DC removal (gravity), the twitch band (6–40 Hz:
/// soft-tissue oscillation of 8 to 30 Hz) and, separately, the gross-motion band (below
/// 5 Hz: walking, nodding, turning, where gravity swings between axes).
struct AccelerationConditioner: Sendable {
    private var dc: [DCBlocker]
    private var highPass: [BiquadCascade]
    private var lowPass: [BiquadCascade]
    private var motion: [BiquadCascade]

    init(configuration: DetectorConfiguration, sampleRate: Double) {
        let dcBlocker = DCBlocker(cutoff: configuration.accelerationDCCutoffHz, sampleRate: sampleRate)
        dc = Array(repeating: dcBlocker, count: 3)
        highPass = Array(repeating: .butterworthHighPass(
            order: 4, cutoff: configuration.accelerationHighPassHz, sampleRate: sampleRate), count: 3)
        lowPass = Array(repeating: .butterworthLowPass(
            order: 2, cutoff: min(configuration.accelerationLowPassHz, 0.45 * sampleRate), sampleRate: sampleRate),
            count: 3)
        motion = Array(repeating: .butterworthLowPass(
            order: 4, cutoff: min(configuration.motionLowPassHz, 0.45 * sampleRate), sampleRate: sampleRate),
            count: 3)
    }

    /// Filters one sample of each axis (g): the twitch-band values, the motion-band energy
    /// (sum of squares over the axes, g²), and the acceleration without gravity (for the
    /// tremor, `AccelerationTremorTracker`).
    @inline(__always)
    mutating func process(_ values: SIMD3<Double>)
        -> (twitchBand: SIMD3<Double>, motionEnergy: Double, withoutGravity: SIMD3<Double>) {
        var band = SIMD3<Double>.zero
        var withoutGravity = SIMD3<Double>.zero
        var motionEnergy = 0.0
        for axis in 0..<3 {
            let still = dc[axis].process(values[axis])
            withoutGravity[axis] = still
            band[axis] = lowPass[axis].process(highPass[axis].process(still))
            let moving = motion[axis].process(still)
            motionEnergy += moving * moving
        }
        return (band, motionEnergy, withoutGravity)
    }
}
