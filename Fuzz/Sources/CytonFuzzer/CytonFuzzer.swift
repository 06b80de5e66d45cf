import FuzzSupport
import LipTwitchDrivers

/// libFuzzer's entry point: the input is what an OpenBCI Cyton's dongle sent (packets,
/// replies, line noise). It goes through `CytonStreamDecoder` in chunks the input chooses:
/// never a crash, every byte counted as received, every packet with a footer, the counters
/// equal to the events.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
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
    return 0
}
