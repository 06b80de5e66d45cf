import FuzzSupport
import LipTwitchDrivers
import LipTwitchProtocol

/// libFuzzer's entry point: the input is what an OpenBCI Cyton's dongle sent (packets,
/// replies, line noise). It goes through `CytonStreamDecoder` in chunks the input chooses:
/// never a crash, every byte counted as received, every packet with a footer, the counters
/// equal to the events. Then through the driver's `CytonLinkDecoder` (the link's words):
/// every batch one sample of one channel, its index rising within a stream by one plus the
/// samples lost, the same bytes counted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    checkWireDecoder(bytes)
    checkLinkDecoder(bytes)
    return 0
}

private func checkWireDecoder(_ bytes: [UInt8]) {
    var decoder = CytonStreamDecoder()
    var packets = 0
    var replies = 0
    var lost = 0
    for chunk in FuzzChunks(bytes) {
        var input = chunk
        while let event = decoder.decode(&input) {
            switch event {
            case .packet(let packet):
                precondition(CytonPacket.footers.contains(packet.footer), "a packet without a footer")
                precondition(packet.channels.allSatisfy { (-8_388_608...8_388_607).contains($0) }, "a channel beyond 24 bits")
                packets += 1
            case .reply(let reply):
                replies += 1
                keep(reply)
            case .samplesLost(let count):
                precondition((1...255).contains(count), "\(count) samples lost")
                lost += count
            }
        }
        precondition(input.isEmpty, "the decoder returned nil before consuming its input")
    }
    let counters = decoder.counters
    precondition(counters.bytesReceived == bytes.count, "\(counters.bytesReceived) of \(bytes.count) bytes counted")
    precondition(counters.packets == packets && counters.replies == replies && counters.lostSamples == lost)
    precondition(counters.bytesDiscarded <= bytes.count, "more bytes discarded than received")
}

private func checkLinkDecoder(_ bytes: [UInt8]) {
    var decoder = CytonLinkDecoder(settings: CytonSettings(lipChannel: Int(bytes.first ?? 0) % 8 + 1))
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
                if let nextIndex {
                    precondition(batch.firstSampleIndex == nextIndex &+ UInt32(lostBeforeNext), "an index out of step")
                }
                precondition(batch.timestampMicros == batch.firstSampleIndex &* 4000, "a sample off the 4 ms grid")
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
