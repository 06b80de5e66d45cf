/// The input cut into chunks whose size its first byte chooses (1 to 64 bytes), so that the
/// fuzzer explores how a stream decoder copes with every split of its bytes.
public struct FuzzChunks: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private let size: Int
    private var position = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        size = Int(bytes.first ?? 0) % 64 + 1
    }

    public mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        let end = Swift.min(bytes.count, position + size)
        defer { position = end }
        return bytes[position..<end]
    }
}
