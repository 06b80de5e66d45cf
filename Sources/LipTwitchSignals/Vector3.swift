#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 3-vector of accelerations (g) or directions, in the sensor's frame.
struct Vector3 {
    var x: Double
    var y: Double
    var z: Double

    static let zero = Vector3(x: 0, y: 0, z: 0)

    static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(x: a.x + b.x, y: a.y + b.y, z: a.z + b.z) }
    static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(x: a.x - b.x, y: a.y - b.y, z: a.z - b.z) }
    static func * (k: Double, a: Vector3) -> Vector3 { Vector3(x: k * a.x, y: k * a.y, z: k * a.z) }

    func dot(_ other: Vector3) -> Double { x * other.x + y * other.y + z * other.z }

    func cross(_ other: Vector3) -> Vector3 {
        Vector3(x: y * other.z - z * other.y, y: z * other.x - x * other.z, z: x * other.y - y * other.x)
    }

    var length: Double { dot(self).squareRoot() }

    var normalized: Vector3 { (1 / length) * self }

    /// This vector turned by `angle` radians about the unit vector `axis` (Rodrigues).
    func rotated(about axis: Vector3, by angle: Double) -> Vector3 {
        let c = cos(angle)
        return c * self + sin(angle) * axis.cross(self) + ((1 - c) * axis.dot(self)) * axis
    }

    /// A random unit vector, uniform on the sphere.
    static func randomDirection(random: inout SignalRandom) -> Vector3 {
        let z = random.uniform(-1...1)
        let angle = random.uniform(0...(2 * Double.pi))
        let r = (1 - z * z).squareRoot()
        return Vector3(x: r * cos(angle), y: r * sin(angle), z: z)
    }

    /// A unit vector at a random angle of at most `spread` radians from `centre`.
    static func randomDirection(near centre: Vector3, spread: Double, random: inout SignalRandom) -> Vector3 {
        let perpendicular = centre.cross(randomDirection(random: &random)).normalized
        return centre.rotated(about: perpendicular, by: random.uniform(0...spread))
    }
}
