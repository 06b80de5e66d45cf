/// Twitch candidates waiting for their confirmation, oldest first, in a fixed ring.
struct PendingBursts: Sendable {
    private var storage: [Burst?]
    private var head = 0
    private(set) var count = 0

    init(capacity: Int) {
        storage = Array(repeating: nil, count: max(1, capacity))
    }

    var capacity: Int { storage.capacity }

    var isFull: Bool { count == storage.count }

    var first: Burst? { count > 0 ? storage[head] : nil }

    /// The earliest onset among those waiting.
    var earliestOnset: Int? { first?.onset }

    mutating func append(_ burst: Burst) {
        storage[(head + count) % storage.count] = burst
        count += 1
    }

    mutating func removeFirst() -> Burst {
        let burst = storage[head]!
        storage[head] = nil
        head = (head + 1) % storage.count
        count -= 1
        return burst
    }
}
