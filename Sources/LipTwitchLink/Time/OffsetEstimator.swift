/// Estimates the offset between host time and device time (host − device, ns) as a line
/// over device time, from noisy observations: each observation is a frame's host arrival
/// time minus the device time it carries, i.e. the true offset plus a transport delay
/// that is never negative and often large (USB scheduling, the tty layer, a busy host).
///
/// The estimate is the lower envelope: the smallest observation in each bucket (1 s) of
/// device time is the one that waited least, and a least-squares line through the last
/// buckets' minima (30 s) follows the drift between the two oscillators. Until two buckets
/// are complete, the smallest observation so far stands in. This is the minimum filter of
/// NTP-style clock filters combined with the linear fit of liblsl's time postprocessor,
/// reduced to what a 100 ppm sensor clock needs.
struct OffsetEstimator: Sendable {
    /// One bucket's smallest observation.
    struct Point: Sendable {
        var bucket: Int64
        var device: Int64
        var offset: Int64
    }

    let bucketNanoseconds: Int64
    let bucketCount: Int
    /// The first observation: the origin of the fit, which keeps the `Double` arithmetic
    /// on small numbers.
    private var origin: (device: Int64, offset: Int64)?
    private var completed: [Point] = []
    private var current: Point?
    private var minimumOffset = Int64.max
    /// The fitted line through `completed`: offset at mean device time, and slope.
    private var line: (meanDevice: Double, meanOffset: Double, slope: Double)?

    init(bucket: Duration, bucketCount: Int) {
        bucketNanoseconds = bucket.nanoseconds
        self.bucketCount = bucketCount
    }

    var isEmpty: Bool { origin == nil }

    /// Drift: how much the offset changes per unit of device time (−1e-4 when the device
    /// clock runs 100 ppm fast).
    var slope: Double { line?.slope ?? 0 }

    mutating func observe(device: Int64, offset: Int64) {
        let origin = origin ?? (device, offset)
        self.origin = origin
        minimumOffset = min(minimumOffset, offset)
        let bucket = (device - origin.device) / bucketNanoseconds
        guard var point = current, point.bucket == bucket else {
            if let finished = current { complete(finished) }
            current = Point(bucket: bucket, device: device, offset: offset)
            return
        }
        if offset < point.offset {
            point.device = device
            point.offset = offset
            current = point
        }
    }

    /// The estimated offset at device time `device`, ns; nil before any observation.
    func offset(at device: Int64) -> Double? {
        guard let origin else { return nil }
        guard let line else { return Double(minimumOffset) }
        return Double(origin.offset) + line.meanOffset + line.slope * (Double(device - origin.device) - line.meanDevice)
    }

    private mutating func complete(_ point: Point) {
        completed.append(point)
        if completed.count > bucketCount { completed.removeFirst(completed.count - bucketCount) }
        guard completed.count >= 2, let origin else { return }
        let xs = completed.map { Double($0.device - origin.device) }
        let ys = completed.map { Double($0.offset - origin.offset) }
        let meanX = xs.reduce(0, +) / Double(xs.count)
        let meanY = ys.reduce(0, +) / Double(ys.count)
        var covariance = 0.0
        var variance = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            variance += (x - meanX) * (x - meanX)
        }
        line = (meanX, meanY, variance > 0 ? covariance / variance : 0)
    }
}
