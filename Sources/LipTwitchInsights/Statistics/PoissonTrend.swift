import RealModule

/// A log-linear trend in counts over days: the Poisson regression
/// log E[count] = a + b·day + log(exposure), fitted by Newton's method, with its slope's
/// interval widened by the overdispersion the data show (quasi-Poisson: the Pearson χ²
/// over its degrees of freedom, when above 1). Twitching clusters in time, so counts vary
/// more than a Poisson process would; without this the trend would look surer than it is.
public struct PoissonTrend: Sendable, Equatable {
    /// One day: its index, its count, and what the count is per (measured hours, episodes).
    public struct Point: Sendable, Equatable {
        public var day: Double
        public var count: Double
        public var exposure: Double

        public init(day: Double, count: Double, exposure: Double) {
            self.day = day
            self.count = count
            self.exposure = exposure
        }
    }

    public let points: Int
    public let total: Double
    /// b: the change of the log rate per day.
    public let slopePerDay: Double
    /// The 95 % interval of b.
    public let slopeInterval: ClosedRange<Double>
    /// Pearson χ² over degrees of freedom (1 for a Poisson process).
    public let dispersion: Double
    /// The fitted rate on the first and the last day of the points.
    public let fittedFirstRate: Double
    public let fittedLastRate: Double

    /// Nil with fewer than three points with exposure, or no counts at all.
    public init?(_ points: [Point]) {
        let used = points.filter { $0.exposure > 0 }
        let total = used.reduce(0) { $0 + $1.count }
        guard used.count >= 3, total > 0, let firstDay = used.map(\.day).min(), let lastDay = used.map(\.day).max(),
            lastDay > firstDay
        else { return nil }
        let center = used.reduce(0) { $0 + $1.day } / Double(used.count)
        var a = Double.log(total / used.reduce(0) { $0 + $1.exposure })
        var b = 0.0
        var information = (aa: 0.0, ab: 0.0, bb: 0.0)
        for _ in 0..<50 {
            var gradient = (a: 0.0, b: 0.0)
            information = (0, 0, 0)
            for point in used {
                let x = point.day - center
                let mean = point.exposure * Double.exp(a + b * x)
                gradient.a += point.count - mean
                gradient.b += (point.count - mean) * x
                information.aa += mean
                information.ab += mean * x
                information.bb += mean * x * x
            }
            let determinant = information.aa * information.bb - information.ab * information.ab
            guard determinant > 0, determinant.isFinite else { return nil }
            let stepA = (information.bb * gradient.a - information.ab * gradient.b) / determinant
            let stepB = (information.aa * gradient.b - information.ab * gradient.a) / determinant
            a += stepA
            b += stepB
            if abs(stepA) < 1e-10 && abs(stepB) < 1e-10 { break }
        }
        guard a.isFinite, b.isFinite else { return nil }
        var pearson = 0.0
        for point in used {
            let mean = point.exposure * Double.exp(a + b * (point.day - center))
            if mean > 0 { pearson += (point.count - mean) * (point.count - mean) / mean }
        }
        dispersion = used.count > 2 ? pearson / Double(used.count - 2) : 1
        let determinant = information.aa * information.bb - information.ab * information.ab
        let variance = information.aa / determinant * max(1, dispersion)
        let margin = NormalDistribution.upperQuantile(0.025) * variance.squareRoot()
        self.points = used.count
        self.total = total
        slopePerDay = b
        slopeInterval = (b - margin)...(b + margin)
        fittedFirstRate = Double.exp(a + b * (firstDay - center))
        fittedLastRate = Double.exp(a + b * (lastDay - center))
    }

    /// The relative change per week: 0.12 is 12 % more each week.
    public var weeklyChange: Double { Double.exp(7 * slopePerDay) - 1 }
    public var weeklyChangeInterval: ClosedRange<Double> {
        (Double.exp(7 * slopeInterval.lowerBound) - 1)...(Double.exp(7 * slopeInterval.upperBound) - 1)
    }

    /// Rising or falling beyond chance (the interval excludes no change), or neither.
    public enum Direction: String, Sendable {
        case rising, falling, steady
    }

    public var direction: Direction {
        slopeInterval.lowerBound > 0 ? .rising : slopeInterval.upperBound < 0 ? .falling : .steady
    }
}
