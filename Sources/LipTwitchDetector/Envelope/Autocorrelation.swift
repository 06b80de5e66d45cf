/// The autocorrelation of the newest values of a ring at the lags 1 to `longest`, for
/// `RhythmTracker`'s checks: the window is copied once, as deviations from its mean, into
/// contiguous scratch space, and four lags are summed side by side (one SIMD lane each).
/// Each lag's sum still runs over its products in order of age, so the result is the
/// same, bit for bit, as one lag at a time; only the additions of different lags overlap.
struct Autocorrelation: Sendable {
    /// Deviations from the window's mean, newest first: scratch space.
    private var deviations: [Double]
    /// Autocorrelation by lag (0 is 1), up to the longest lag asked for.
    private(set) var correlations: [Double]

    /// Room for windows of up to `maximumWindow` values and lags up to `maximumLag`.
    init(maximumWindow: Int, maximumLag: Int) {
        deviations = Array(repeating: 0, count: maximumWindow)
        correlations = Array(repeating: 0, count: maximumLag + 1)
        correlations[0] = 1
    }

    /// Correlates the newest `window` values of `values` at lags 1 through `longest`
    /// (below `window`) into `correlations`; returns the window's mean and whether it
    /// varies at all (if not, `correlations` is left as it was).
    mutating func compute(_ values: HistoryRing<Double>, window: Int, longest: Int) -> (mean: Double, varies: Bool) {
        var mean = 0.0
        for age in 0..<window { mean += values[age: age] }
        mean /= Double(window)
        var variance = 0.0
        deviations.withUnsafeMutableBufferPointer { deviations in
            for age in 0..<window {
                let deviation = values[age: age] - mean
                deviations[age] = deviation
                variance += deviation * deviation
            }
        }
        guard variance > 0 else { return (mean, false) }
        deviations.withUnsafeBufferPointer { deviations in
            correlations.withUnsafeMutableBufferPointer { correlations in
                var lag = 1
                while lag + 3 <= longest {
                    let sums = Self.fourLags(deviations, from: lag, window: window)
                    for lane in 0..<4 { correlations[lag + lane] = sums[lane] / variance }
                    lag += 4
                }
                while lag <= longest {
                    correlations[lag] = Self.sum(deviations, lag: lag, ages: 0..<(window - lag), from: 0) / variance
                    lag += 1
                }
            }
        }
        return (mean, true)
    }

    /// The sums of products at lags `lag` to `lag + 3`, each over its ages in order.
    @inline(__always)
    private static func fourLags(_ deviations: UnsafeBufferPointer<Double>, from lag: Int, window: Int) -> SIMD4<Double> {
        let base = deviations.baseAddress!
        let common = window - (lag + 3)
        var sums = SIMD4<Double>.zero
        for age in 0..<common {
            let later = UnsafeRawPointer(base + age + lag).loadUnaligned(as: SIMD4<Double>.self)
            sums += SIMD4(repeating: base[age]) * later
        }
        for lane in 0..<3 {
            sums[lane] = sum(deviations, lag: lag + lane, ages: common..<(window - lag - lane), from: sums[lane])
        }
        return sums
    }

    /// `start` plus the products at `lag` over `ages`, in order.
    @inline(__always)
    private static func sum(_ deviations: UnsafeBufferPointer<Double>, lag: Int, ages: Range<Int>, from start: Double) -> Double {
        var sum = start
        for age in ages { sum += deviations[age] * deviations[age + lag] }
        return sum
    }
}
