import LipTwitchProtocol

/// libFuzzer's entry point: the input is a byte stream as a serial port could deliver it.
///
/// The stream goes through both decoders (device messages and host commands) in chunks
/// whose sizes the input chooses, and every property a decoder promises is checked:
/// no crash, the byte accounting adds up, and every message it delivers re-encodes to a
/// frame that decodes to the same message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    check(MessageStreamDecoder<DeviceMessage>.self, bytes)
    check(MessageStreamDecoder<HostCommand>.self, bytes)
    return 0
}

private func check<Message>(_: MessageStreamDecoder<Message>.Type, _ bytes: [UInt8]) {
    var decoder = MessageStreamDecoder<Message>()
    var delivered = 0
    var position = 0
    while position < bytes.count {
        // The first byte of the input picks the chunk size, so the fuzzer explores splits.
        let chunkSize = max(1, Int(bytes.first ?? 1) % 64)
        let end = min(bytes.count, position + chunkSize)
        var input = bytes[position..<end]
        while let event = decoder.decode(&input) {
            if case .message(let message, let sequence) = event {
                delivered += 1
                checkRoundTrip(message, sequence: sequence)
            }
        }
        precondition(input.isEmpty, "the decoder returned nil before consuming its input")
        position = end
    }
    let counters = decoder.counters
    precondition(counters.bytesReceived == bytes.count, "bytes received \(counters.bytesReceived) != \(bytes.count)")
    precondition(counters.bytesDiscarded <= counters.bytesReceived, "more bytes discarded than received")
    precondition(counters.framesDecoded == delivered, "frames decoded \(counters.framesDecoded) != \(delivered)")
}

private func checkRoundTrip<Message: WireMessage>(_ message: Message, sequence: UInt16) {
    var wire: [UInt8] = []
    FrameEncoder.encode(message, sequence: sequence, into: &wire)
    var decoder = MessageStreamDecoder<Message>()
    var input = wire[...]
    guard case .message(let again, let againSequence)? = decoder.decode(&input) else {
        preconditionFailure("a delivered message did not survive re-encoding: \(message)")
    }
    precondition(again == message && againSequence == sequence, "re-encoding changed \(message) into \(again)")
}
