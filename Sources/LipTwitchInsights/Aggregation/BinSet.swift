/// A set of bin (or day) indices as bits: a year of five-minute bins in 13 KiB.
public struct BinSet: Sendable, Equatable {
    private var words: [UInt64]

    public init(capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    public func contains(_ index: Int) -> Bool {
        guard index >= 0, index / 64 < words.count else { return false }
        return words[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    public mutating func insert(_ index: Int) {
        guard index >= 0, index / 64 < words.count else { return }
        words[index / 64] |= 1 << UInt64(index % 64)
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
