/// The person wearing the sensor, drawn from the seed alone, so that every scenario made
/// with one seed (the calibration recording included) comes from the same lip: the same
/// noise floor, the same muscle strength.
struct Wearer {
    /// EMG rest noise, µV RMS.
    let emgNoise: Double
    /// Scales every action potential: twitches, speech, chewing and presses alike.
    let muscleGain: Double
    /// Accelerometer noise, g RMS per axis.
    let accelerometerNoise: Double
    /// The direction a lip twitch moves the accelerometer, in its frame.
    let lipNormal: Vector3

    init(seed: UInt64) {
        var random = SignalRandom(seed: seed ^ 0x5765_6172_6572)  // "Wearer"
        emgNoise = random.uniform(2...4)
        muscleGain = random.uniform(0.7...1.4)
        accelerometerNoise = random.uniform(0.0015...0.003)
        lipNormal = Vector3.randomDirection(random: &random)
    }
}
