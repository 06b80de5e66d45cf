#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nodding, tilting or turning the head: the sensor rotates, so gravity moves between its
/// axes (up to a few tenths of a g), and the lip, some 10 cm from the neck's pivot, feels
/// the angular acceleration. Each movement goes out and back in 0.4 to 2 s (a varied
/// recording scales that and the angle, `SignalVariation`).
struct HeadMotion {
    private let start: Int
    private let length: Double
    private let sampleRate: Double
    private let gravity: Vector3
    private let axis: Vector3
    private let angle: Double
    private let movement: Double

    /// Distance from the neck's pivot to the lip, m.
    private static let radius = 0.1

    init(start: Int, gravity: Vector3, sampleRate: Double, variation: SignalVariation, random: inout SignalRandom) {
        self.start = start
        self.sampleRate = sampleRate
        self.gravity = gravity
        movement = random.uniform(0.4...2) * variation.headMovementScale * sampleRate
        length = movement * Double(random.integer(1...4))
        axis = gravity.cross(Vector3.randomDirection(random: &random)).normalized
        angle = random.uniform(10...40) * variation.headAngleScale * Double.pi / 180
    }

    /// The acceleration the movement adds at `sample`, g, or nil once it is over.
    func next(sample: Int) -> Vector3? {
        let t = Double(sample - start)
        guard t < length else { return nil }
        let phase = 2 * Double.pi * t.truncatingRemainder(dividingBy: movement) / movement
        let theta = angle * (1 - cos(phase)) / 2
        let omega = 2 * Double.pi * sampleRate / movement
        let angularAcceleration = angle * omega * omega / 2 * cos(phase)
        let tangential = Self.radius * angularAcceleration / 9.81
        let turned = gravity.rotated(about: axis, by: theta) - gravity
        return turned + tangential * axis.cross(gravity).normalized
    }

    var truth: TruthEvent {
        TruthEvent(kind: .headMotion, channel: nil, onsetSample: start, offsetSample: start + Int(length) - 1,
                   peakAmplitude: 2 * sin(angle / 2), frequencyHz: sampleRate / movement)
    }
}
