import FuzzSupport
import LipTwitchDrivers
import LipTwitchProtocol

/// libFuzzer's entry point: the input is what a BITalino (r)evolution sent (frames of any
/// number of channels, its version answer, line noise); its first byte chooses the number
/// of channels. It goes through `BITalinoStreamDecoder` in chunks the input chooses: never
/// a crash, every byte counted as received, every frame's CRC holding and its codes within
/// their bits, the counters equal to the events. Then through the driver's
/// `BITalinoLinkDecoder` (the link's words): every batch one sample of one channel within
/// ±512 codes, its index rising within a stream by one plus the frames lost, on the 1 ms
/// grid, the same bytes counted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    checkWireDecoder(bytes, channels: Int(bytes.first ?? 0) % 6 + 1)
    checkLinkDecoder(bytes)
    return 0
}

private func checkWireDecoder(_ bytes: [UInt8], channels: Int) {
    var decoder = BITalinoStreamDecoder(channelCount: channels)
    var decoded = 0
    var lost = 0
    for chunk in FuzzChunks(bytes) {
        var input = chunk
        while let event = decoder.decode(&input) {
            switch event {
            case .frame(let frame):
                precondition(frame.analog.count == channels && frame.sequence < 16 && frame.digital < 16, "a frame out of shape")
                for (slot, code) in frame.analog.enumerated() {
                    precondition((0..<(slot < 4 ? 1024 : 64)).contains(code), "a code beyond its bits")
                }
                decoded += 1
            case .version(let text):
                precondition(text.hasPrefix("BITalino"), "an answer that is not the version")
                decoded += 1
            case .framesLost(let count):
                precondition((1...15).contains(count), "\(count) frames lost")
                lost += count
            }
        }
        precondition(input.isEmpty, "the decoder returned nil before consuming its input")
    }
    let counters = decoder.counters
    precondition(counters.bytesReceived == bytes.count, "\(counters.bytesReceived) of \(bytes.count) bytes counted")
    precondition(counters.framesDecoded == decoded && counters.lostFrames == lost, "counters out of step with the events")
    precondition(counters.bytesDiscarded <= bytes.count, "more bytes discarded than received")
}

private func checkLinkDecoder(_ bytes: [UInt8]) {
    var decoder = BITalinoLinkDecoder(settings: BITalinoSettings(lipChannel: Int(bytes.last ?? 0) % 6 + 1))
    var nextIndex: UInt32?
    var lostBeforeNext = 0
    for chunk in FuzzChunks(bytes) {
        var input = chunk
        while let event = decoder.decode(&input) {
            switch event {
            case .message(.ack, _), .message(.identity, _), .sequenceReset:
                nextIndex = nil
            case .sequenceGap(_, _, let lostFrames):
                lostBeforeNext = lostFrames
            case .message(.samples(let batch), _):
                precondition(batch.sampleCount == 1 && batch.channelCount == 1, "a batch of more than one sample")
                precondition((-512...511).contains(batch.values[0]), "a sample beyond 10 bits")
                if let nextIndex {
                    precondition(batch.firstSampleIndex == nextIndex &+ UInt32(lostBeforeNext), "an index out of step")
                }
                precondition(batch.timestampMicros == batch.firstSampleIndex &* 1000, "a sample off the 1 ms grid")
                nextIndex = batch.firstSampleIndex &+ 1
                lostBeforeNext = 0
            default:
                keep(event)
            }
        }
        precondition(input.isEmpty, "the link decoder returned nil before consuming its input")
    }
    precondition(decoder.counters.bytesReceived == bytes.count, "the link decoder lost count of bytes")
}
