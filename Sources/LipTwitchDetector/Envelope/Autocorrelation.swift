/// The autocorrelation of the newest values of a ring at the lags 1 to `longest`, for the
/// rhythm checks (`RhythmTracker`, `AccelerationTremorTracker`): the window is copied
/// once, as deviations from its mean, into contiguous scratch space, and four lags are
/// summed side by side (one SIMD lane each). Each lag's sum still runs over its products
/// in order of age, so the result is the same, bit for bit, as one lag at a time; only
/// the additions of different lags overlap.
struct Autocorrelation: Sendable {
    /// Deviations from the window's mean, newest first: scratch space.
    private var deviations: [Double]
    /// Autocorrelation by lag (0 is 1), up to the longest lag asked for.
    private(set) var correlations: [Double]
    /// The window and the sum of squared deviations the last single-ring `compute` loaded.
    private var loaded = (window: 0, variance: 0.0)

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
        let (mean, variance) = load(values, window: window)
        loaded = (window, variance)
        guard variance > 0 else { return (mean, false) }
        sumLags(window: window, longest: longest) { correlations, lag, sum in correlations[lag] = sum / variance }
        return (mean, true)
    }

    /// Correlates the newest `window` values of several rings taken together, the axes of
    /// one vector signal: at each lag, the sum of every axis's products over the sum of
    /// their variances (the dot product of the vector with itself a lag later, which does
    /// not depend on how the axes are turned). Returns the window's power (the variance
    /// summed over the axes, per value), 0 when nothing varies (`correlations` then left
    /// as it was).
    mutating func compute(axes: [HistoryRing<Double>], window: Int, longest: Int) -> Double {
        var total = 0.0
        for axis in axes.indices {
            let (_, variance) = load(axes[axis], window: window)
            guard variance > 0 else { continue }
            let first = total == 0
            total += variance
            sumLags(window: window, longest: longest) { correlations, lag, sum in
                correlations[lag] = first ? sum : correlations[lag] + sum
            }
        }
        guard total > 0 else { return 0 }
        for lag in 1...longest { correlations[lag] /= total }
        return total / Double(window)
    }

    /// The autocorrelation at one more `lag`, of the window the last single-ring
    /// `compute` loaded (0 when the lag does not fit in it, or nothing varied).
    func correlation(atLag lag: Int) -> Double {
        guard lag < loaded.window, loaded.variance > 0 else { return 0 }
        return deviations.withUnsafeBufferPointer {
            Self.sum($0, lag: lag, ages: 0..<(loaded.window - lag), from: 0)
        } / loaded.variance
    }

    /// The highest true peak of `correlations` at a lag in `lags` (below `longest`): a
    /// local maximum after a dip of at least `requiredDip` from lag 0 on (a smooth signal
    /// correlates at short lags without any rhythm, but has no dip); correlation 0 at the
    /// band's first lag when there is none.
    func peak(in lags: ClosedRange<Int>, longest: Int, requiredDip: Double) -> (lag: Int, correlation: Double) {
        var best = (lag: lags.lowerBound, correlation: 0.0)
        var lowest = 1.0
        for lag in 1..<longest {
            lowest = min(lowest, correlations[lag])
            let value = correlations[lag]
            guard lags.contains(lag), value > correlations[lag - 1], value >= correlations[lag + 1],
                value - lowest >= requiredDip, value > best.correlation
            else { continue }
            best = (lag, value)
        }
        return best
    }

    /// Copies the newest `window` values into `deviations`, less their mean; returns the
    /// mean and the sum of the squared deviations.
    private mutating func load(_ values: HistoryRing<Double>, window: Int) -> (mean: Double, variance: Double) {
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
        return (mean, variance)
    }

    /// Hands `store` the sum of the products of `deviations` at each lag 1 through
    /// `longest`, with `correlations` to store it in.
    @inline(__always)
    private mutating func sumLags(
        window: Int, longest: Int, store: (inout UnsafeMutableBufferPointer<Double>, Int, Double) -> Void
    ) {
        deviations.withUnsafeBufferPointer { deviations in
            correlations.withUnsafeMutableBufferPointer { correlations in
                var lag = 1
                while lag + 3 <= longest {
                    let sums = Self.fourLags(deviations, from: lag, window: window)
                    for lane in 0..<4 { store(&correlations, lag + lane, sums[lane]) }
                    lag += 4
                }
                while lag <= longest {
                    store(&correlations, lag, Self.sum(deviations, lag: lag, ages: 0..<(window - lag), from: 0))
                    lag += 1
                }
            }
        }
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
