/// The envelope kept at a low rate (the maximum of every `decimation` samples) for the
/// last few seconds, so that an episode confirmed seconds after it started can still draw
/// its envelope from its start.
struct DecimatedEnvelope: Sendable {
    private var values: HistoryRing<Float>
    let decimation: Int
    private var maximum: Float = 0
    private var position = 0

    init(decimation: Int, capacity: Int) {
        self.decimation = max(1, decimation)
        values = HistoryRing(minimumCapacity: capacity, initial: 0)
    }

    /// Index of the newest decimated value (value k covers samples k·decimation onward).
    var newestIndex: Int { values.appendedCount - 1 }
    var oldestIndex: Int { values.appendedCount - values.count }

    /// Adds an envelope sample; true when it completed a decimated value.
    @inline(__always)
    mutating func add(_ envelope: Double) -> Bool {
        maximum = max(maximum, Float(envelope))
        position += 1
        guard position == decimation else { return false }
        values.append(maximum)
        maximum = 0
        position = 0
        return true
    }

    subscript(index: Int) -> Float { values[absolute: index] }
}
