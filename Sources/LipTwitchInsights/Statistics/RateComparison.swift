import RealModule

/// Two Poisson rates compared: episodes per measured hour in an exposed time (the window
/// after a note) against a baseline (the rest of the measured time), within strata (the
/// hours of the day), so that a note written at the hours when twitching is common anyway
/// is not taken for a trigger.
///
/// The rate ratio is the Mantel–Haenszel estimate for person-time,
/// RR = Σ aᵢ·T₀ᵢ/Tᵢ ÷ Σ bᵢ·T₁ᵢ/Tᵢ, with the Greenland–Robins variance of its logarithm,
/// Var = Σ Mᵢ·T₁ᵢ·T₀ᵢ/Tᵢ² ÷ (Σ aᵢ·T₀ᵢ/Tᵢ · Σ bᵢ·T₁ᵢ/Tᵢ), for a log-normal 95 % interval;
/// the test of RR = 1 is the Mantel–Haenszel χ² for person-time. (aᵢ, bᵢ: exposed and
/// baseline episodes in stratum i; T₁ᵢ, T₀ᵢ their measured hours; Mᵢ = aᵢ + bᵢ, Tᵢ = T₁ᵢ + T₀ᵢ.)
public struct RateComparison: Sendable, Equatable {
    /// One stratum's counts and measured hours.
    public struct Stratum: Sendable, Equatable {
        public var exposedEpisodes = 0
        public var exposedHours = 0.0
        public var baselineEpisodes = 0
        public var baselineHours = 0.0

        public init() {}
    }

    public let exposedEpisodes: Int
    public let exposedHours: Double
    public let baselineEpisodes: Int
    public let baselineHours: Double
    /// The Mantel–Haenszel rate ratio; nil when no stratum has time on both sides or no
    /// episode at all; infinite when the baseline had no episode where it could.
    public let ratio: Double?
    /// The 95 % interval of the ratio.
    public let interval: ClosedRange<Double>
    /// Two-sided p-value for RR = 1.
    public let pValue: Double

    public init(strata: [Stratum]) {
        exposedEpisodes = strata.reduce(0) { $0 + $1.exposedEpisodes }
        exposedHours = strata.reduce(0) { $0 + $1.exposedHours }
        baselineEpisodes = strata.reduce(0) { $0 + $1.baselineEpisodes }
        baselineHours = strata.reduce(0) { $0 + $1.baselineHours }
        var numerator = 0.0
        var denominator = 0.0
        var varianceSum = 0.0
        var observedMinusExpected = 0.0
        for stratum in strata where stratum.exposedHours > 0 && stratum.baselineHours > 0 {
            let total = stratum.exposedHours + stratum.baselineHours
            let episodes = Double(stratum.exposedEpisodes + stratum.baselineEpisodes)
            numerator += Double(stratum.exposedEpisodes) * stratum.baselineHours / total
            denominator += Double(stratum.baselineEpisodes) * stratum.exposedHours / total
            varianceSum += episodes * stratum.exposedHours * stratum.baselineHours / (total * total)
            observedMinusExpected += Double(stratum.exposedEpisodes) - episodes * stratum.exposedHours / total
        }
        pValue = varianceSum > 0
            ? min(1, 2 * NormalDistribution.upperTail(abs(observedMinusExpected) / varianceSum.squareRoot())) : 1
        guard numerator + denominator > 0 else {
            ratio = nil
            interval = 0...Double.infinity
            return
        }
        guard numerator > 0, denominator > 0 else {
            ratio = numerator > 0 ? Double.infinity : 0
            interval = numerator > 0 ? 1...Double.infinity : 0...1
            return
        }
        let ratio = numerator / denominator
        let margin = NormalDistribution.upperQuantile(0.025) * (varianceSum / (numerator * denominator)).squareRoot()
        self.ratio = ratio
        interval = Double.exp(Double.log(ratio) - margin)...Double.exp(Double.log(ratio) + margin)
    }

    public var exposedRate: Double { exposedHours > 0 ? Double(exposedEpisodes) / exposedHours : 0 }
    public var baselineRate: Double { baselineHours > 0 ? Double(baselineEpisodes) / baselineHours : 0 }
}
