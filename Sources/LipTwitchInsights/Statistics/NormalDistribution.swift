import RealModule

/// The standard normal distribution's upper tail and its inverse, for the sample-size
/// estimate and the trend's interval.
public enum NormalDistribution {
    /// P(Z > z).
    public static func upperTail(_ z: Double) -> Double {
        0.5 * Double.erfc(z / 2.0.squareRoot())
    }

    /// The z with P(Z > z) = p, for p in (0, 1).
    public static func upperQuantile(_ p: Double) -> Double {
        var low = -40.0
        var high = 40.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if upperTail(middle) > p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
