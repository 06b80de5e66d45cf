/// The RMS of the last `length` samples of a signal, kept up to date one sample at a time
/// from their squares: a running sum over a ring, O(1) per sample. Taking energies
/// directly lets an accelerometer pass the sum of its three axes' squares.
struct MovingRMS: Sendable {
    private var energies: HistoryRing<Double>
    private let length: Int
    private var sum = 0.0

    init(length: Int) {
        self.length = max(1, length)
        energies = HistoryRing(minimumCapacity: self.length, initial: 0)
    }

    /// Adds a sample's energy (its square, or a sum of squares); returns the RMS.
    @inline(__always)
    mutating func add(energy: Double) -> Double {
        if energies.appendedCount >= length { sum -= energies[age: length - 1] }
        energies.append(energy)
        sum += energy
        return (max(0, sum) / Double(min(energies.appendedCount, length))).squareRoot()
    }
}
