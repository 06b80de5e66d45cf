extension Array where Element == UInt8 {
    /// Drops the bytes a wire decoder has taken from the front (`position` of them), when
    /// they are all of it or at least 4 KiB (so a steady stream is not moved byte by byte),
    /// and moves `position` back with them.
    mutating func dropConsumed(upTo position: inout Int) {
        guard position > 0 else { return }
        if position >= count {
            removeAll(keepingCapacity: true)
        } else if position >= 4096 {
            removeFirst(position)
        } else {
            return
        }
        position = 0
    }
}
