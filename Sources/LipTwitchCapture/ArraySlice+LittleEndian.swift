extension ArraySlice where Element == UInt8 {
    /// The little-endian integer at `offset` from the slice's start.
    func littleEndian<Value: FixedWidthInteger>(_ type: Value.Type, at offset: Int) -> Value {
        var value = Value.zero
        for index in (0..<MemoryLayout<Value>.size).reversed() {
            value = value << 8 | Value(truncatingIfNeeded: self[startIndex + offset + index])
        }
        return value
    }
}
