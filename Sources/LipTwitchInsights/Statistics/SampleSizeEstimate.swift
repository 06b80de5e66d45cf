import RealModule

/// How much measured time would tell a given rate ratio from no effect: the normal
/// approximation to log RR, whose variance is 1/a + 1/b for the two counts. With a
/// baseline rate λ, a share f of the time exposed and total time T, the expected counts
/// are λ·RR·f·T and λ·(1 − f)·T, so the time needed for a two-sided test at level α with
/// the given power is
///
///     T = (z₁₋α/₂ + z_power)² · (1/(λ·RR·f) + 1/(λ·(1 − f))) / (ln RR)²
public enum SampleSizeEstimate {
    /// Total measured hours needed; nil when it cannot be said (no baseline rate, no
    /// exposed time, a ratio of 1).
    public static func hoursNeeded(
        baselineRate: Double, exposedFraction: Double, ratio: Double, alpha: Double = 0.05, power: Double = 0.8
    ) -> Double? {
        guard baselineRate > 0, exposedFraction > 0, exposedFraction < 1, ratio > 0, ratio != 1, ratio.isFinite
        else { return nil }
        let z = NormalDistribution.upperQuantile(alpha / 2) + NormalDistribution.upperQuantile(1 - power)
        let variance = 1 / (baselineRate * ratio * exposedFraction) + 1 / (baselineRate * (1 - exposedFraction))
        let logRatio = Double.log(ratio)
        return z * z * variance / (logRatio * logRatio)
    }
}
