/// A board's own stream decoder (`CytonStreamDecoder`, `BITalinoStreamDecoder`): its bytes,
/// in chunks of any size, into the board's events, one at a time.
protocol BoardWireDecoding: Sendable {
    associatedtype Event
    mutating func decode(_ input: inout ArraySlice<UInt8>) -> Event?
    var bufferedByteCount: Int { get }
    mutating func reset()
    mutating func dropPartialFrame()
}

extension CytonStreamDecoder: BoardWireDecoding {}
extension BITalinoStreamDecoder: BoardWireDecoding {}
