/// Follows the sender's u16 frame counter and says where it jumped (PROTOCOL.md section
/// 3.1): `delta = received - expected (mod 65536)`; 0 is in order, 1 to 32767 frames
/// lost, 32768 to 65535 a restart. The first frame sets the expectation.
@usableFromInline
struct SequenceTracker: Sendable {
    /// What one frame's sequence number says about the ones before it.
    @usableFromInline
    enum Verdict: Sendable {
        case inOrder
        case gap(expected: UInt16, lostFrames: Int)
        case restart(expected: UInt16)
    }

    /// The sequence number due next; nil before the first frame.
    @usableFromInline
    var expected: UInt16?

    @inlinable
    init() {}

    /// Judges `received` and expects `received + 1` from now on.
    @inlinable
    mutating func observe(_ received: UInt16) -> Verdict {
        defer { expected = received &+ 1 }
        guard let expected else { return .inOrder }
        let delta = received &- expected
        switch delta {
        case 0: return .inOrder
        case 1...0x7FFF: return .gap(expected: expected, lostFrames: Int(delta))
        default: return .restart(expected: expected)
        }
    }
}
