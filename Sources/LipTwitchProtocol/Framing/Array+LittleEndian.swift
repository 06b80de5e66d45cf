extension Array where Element == UInt8 {
    /// Appends `value` in little-endian byte order, the order of every multi-byte field.
    public mutating func appendLittleEndian(_ value: some FixedWidthInteger) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
