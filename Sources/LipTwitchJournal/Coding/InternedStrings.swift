/// The strings a journal repeats on every line (a tool, a sensor, a placement, a unit, a
/// detector's hash), made once and handed out again: a line whose bytes equal the last
/// string kept in their slot costs a comparison instead of a validated copy (and, past 15
/// bytes, an allocation). One table per decoder, reused from line to line.
final class InternedStrings: @unchecked Sendable {
    /// Longer strings (free text) are made every time and not kept.
    static let longest = 48
    private var slots = [String?](repeating: nil, count: 64)

    /// The string of these UTF-8 bytes (invalid UTF-8 repaired to U+FFFD, and not kept).
    func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let count = bytes.count
        guard count > 0, count <= Self.longest else { return String(decoding: bytes, as: UTF8.self) }
        let slot = (count &* 31 &+ Int(bytes[0]) &* 7 &+ Int(bytes[count / 2]) &* 3 &+ Int(bytes[count - 1])) & 63
        if let kept = slots[slot], kept.utf8.count == count,
            kept.utf8.withContiguousStorageIfAvailable({ ByteSearch.equal(UnsafeRawPointer($0.baseAddress!), bytes.baseAddress!, count: count) }) == true
        {
            return kept
        }
        let made = String(decoding: bytes, as: UTF8.self)
        if made.utf8.count == count { slots[slot] = made }
        return made
    }
}
