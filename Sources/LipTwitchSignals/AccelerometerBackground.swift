/// What a lip accelerometer shows when nothing happens: gravity, seen at the tilt the
/// sensor sits at, and the sensor's own noise (a few mg RMS per axis).
struct AccelerometerBackground {
    /// Gravity in the sensor frame when the head is upright, g.
    let gravity: Vector3
    private let noise: Double

    init(noise: Double, random: inout SignalRandom) {
        let up = Vector3(x: 0, y: 0, z: 1)
        gravity = Vector3.randomDirection(near: up, spread: 0.7, random: &random)
        self.noise = noise
    }

    mutating func next(random: inout SignalRandom) -> Vector3 {
        gravity + Vector3(x: noise * random.gaussian(), y: noise * random.gaussian(), z: noise * random.gaussian())
    }
}
