/// An episode's envelope for plotting, in at most `maximumPoints` values whatever its
/// length: values are kept in a buffer of twice that size, and when it fills, neighbours
/// are merged (their maximum kept) and the step doubles. Constant memory, O(1) amortized.
struct EnvelopeSketch: Sendable {
    private var points: [Float]
    private let maximumPoints: Int
    /// Decimated values per point.
    private(set) var stride = 1
    private var pendingMaximum: Float = 0
    private var pendingCount = 0
    /// Decimated values added since the start.
    private(set) var added = 0

    init(maximumPoints: Int) {
        self.maximumPoints = max(2, maximumPoints)
        points = []
        points.reserveCapacity(2 * self.maximumPoints)
    }

    /// Values of storage held (for the constant-memory check).
    var footprint: Int { points.capacity }

    mutating func reset() {
        points.removeAll(keepingCapacity: true)
        stride = 1
        pendingMaximum = 0
        pendingCount = 0
        added = 0
    }

    mutating func add(_ value: Float) {
        added += 1
        pendingMaximum = max(pendingMaximum, value)
        pendingCount += 1
        guard pendingCount == stride else { return }
        points.append(pendingMaximum)
        pendingMaximum = 0
        pendingCount = 0
        if points.count == 2 * maximumPoints {
            Self.mergePairs(&points)
            stride *= 2
        }
    }

    /// The sketch of the first `count` decimated values, and its step in decimated values.
    func finished(count: Int) -> (values: [Float], stride: Int) {
        var values = Array(points.prefix((count + stride - 1) / stride))
        if pendingCount > 0, values.count == points.count, count > points.count * stride { values.append(pendingMaximum) }
        var step = stride
        while values.count > maximumPoints {
            Self.mergePairs(&values)
            step *= 2
        }
        return (values, step)
    }

    private static func mergePairs(_ values: inout [Float]) {
        let merged = (values.count + 1) / 2
        for index in 0..<merged {
            let second = 2 * index + 1 < values.count ? values[2 * index + 1] : values[2 * index]
            values[index] = max(values[2 * index], second)
        }
        values.removeLast(values.count - merged)
    }
}
