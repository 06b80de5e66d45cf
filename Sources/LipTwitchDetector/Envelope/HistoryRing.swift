/// A fixed-capacity ring that keeps the most recent values and overwrites the oldest,
/// after swift-nio's `CircularBuffer`: the capacity is a power of two, so wrapping is a
/// mask, and storage is allocated once, at init, never again.
struct HistoryRing<Element> {
    private var storage: ContiguousArray<Element>
    private let mask: Int
    /// How many values were ever appended (the index the next one gets).
    private(set) var appendedCount = 0

    /// A ring holding at least `minimumCapacity` values, filled with `initial`.
    init(minimumCapacity: Int, initial: Element) {
        var capacity = 1
        while capacity < max(1, minimumCapacity) { capacity <<= 1 }
        storage = ContiguousArray(repeating: initial, count: capacity)
        mask = capacity - 1
    }

    var capacity: Int { storage.capacity }

    /// How many values are held now.
    var count: Int { min(appendedCount, storage.count) }

    mutating func append(_ value: Element) {
        storage[appendedCount & mask] = value
        appendedCount &+= 1
    }

    /// The value appended `age` appends ago: 0 is the newest. `age` must be below `count`.
    subscript(age age: Int) -> Element {
        get { storage[(appendedCount &- 1 &- age) & mask] }
        set { storage[(appendedCount &- 1 &- age) & mask] = newValue }
    }

    /// The value with absolute append index `index`, which must be among the last `count`.
    subscript(absolute index: Int) -> Element {
        storage[index & mask]
    }

    mutating func removeAll() {
        appendedCount = 0
    }
}

extension HistoryRing: Sendable where Element: Sendable {}
