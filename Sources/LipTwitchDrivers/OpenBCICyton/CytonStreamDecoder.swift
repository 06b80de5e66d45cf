/// Decodes what an OpenBCI Cyton sends through its dongle: 33-byte data packets while it
/// streams, text answers ending in `$$$` otherwise. Feed it bytes in chunks of any size;
/// like the LipTwitch protocol's decoder it is single-step (`decode(&input)` returns one
/// event, or nil when it needs more bytes), counts everything it drops, and never throws.
///
/// A packet is a header `0xA0` with a footer `0xC0`...`0xC6` 32 bytes later (OpenBCI's own
/// way to find them: the header byte can occur inside the data, so a header whose footer
/// is wrong is dropped and the search goes on from the next byte). Text is printable ASCII
/// (never `0xA0`), kept until `$$$` ends it. The sample number counts 0 to 255 and around:
/// a jump is reported as the samples lost before the packet; a reply or a `reset()`
/// starts the count afresh (the board counts from 0 when it starts streaming).
public struct CytonStreamDecoder: Sendable {
    /// Text longer than this without `$$$` is not an answer: it is dropped.
    public static let maximumReplyLength = 4096
    private static let endOfTransmission = Array("$$$".utf8)

    private var buffer: [UInt8] = []
    private var position = 0
    private var text: [UInt8] = []
    private var expectedSampleNumber: UInt8?
    private var pending: CytonEvent?
    private var droppedSinceLastPacket = false
    public private(set) var counters = CytonCounters()

    public init() {}

    /// Consumes `input` and returns the next event, or nil once every whole packet and
    /// reply in what was fed is out (a partial packet or reply is kept for the next bytes).
    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> CytonEvent? {
        if let event = pending.take() { return event }
        if !input.isEmpty {
            counters.bytesReceived += input.count
            buffer.append(contentsOf: input)
            input.removeAll()
        }
        defer { compact() }
        while position < buffer.count {
            let byte = buffer[position]
            if byte == CytonPacket.header {
                guard buffer.count - position >= CytonPacket.byteCount else { return nil }
                let end = position + CytonPacket.byteCount
                guard CytonPacket.footers.contains(buffer[end - 1]) else {
                    drop(1)
                    continue
                }
                let packet = CytonPacket(bytes: buffer[position..<end])
                position = end
                return accept(packet)
            }
            position += 1
            if let reply = take(textByte: byte) { return reply }
        }
        return nil
    }

    /// Bytes of a partial packet or reply held for the next bytes.
    public var bufferedByteCount: Int { buffer.count - position + text.count }

    /// Forgets a partial packet or reply (their bytes count as discarded) and the sample
    /// number expected next.
    public mutating func reset() {
        dropPartialFrame()
        expectedSampleNumber = nil
    }

    /// Forgets a partial packet or reply (their bytes count as discarded), but not the
    /// sample number expected next.
    public mutating func dropPartialFrame() {
        counters.bytesDiscarded += bufferedByteCount
        buffer.removeAll(keepingCapacity: true)
        position = 0
        text.removeAll(keepingCapacity: true)
    }

    private mutating func accept(_ packet: CytonPacket) -> CytonEvent {
        counters.packets += 1
        if !text.isEmpty {
            counters.bytesDiscarded += text.count
            text.removeAll(keepingCapacity: true)
            droppedSinceLastPacket = true
        }
        if droppedSinceLastPacket {
            counters.resyncs += 1
            droppedSinceLastPacket = false
        }
        defer { expectedSampleNumber = packet.sampleNumber &+ 1 }
        guard let expected = expectedSampleNumber, packet.sampleNumber != expected else { return .packet(packet) }
        let lost = Int(packet.sampleNumber &- expected)
        counters.sampleGaps += 1
        counters.lostSamples += lost
        pending = .packet(packet)
        return .samplesLost(count: lost)
    }

    /// One byte that is not a packet's: text until `$$$`, or noise.
    private mutating func take(textByte byte: UInt8) -> CytonEvent? {
        guard byte == 0x0A || byte == 0x0D || byte == 0x09 || (0x20...0x7E).contains(byte) else {
            counters.bytesDiscarded += 1
            droppedSinceLastPacket = true
            return nil
        }
        text.append(byte)
        if text.count > Self.maximumReplyLength {
            counters.bytesDiscarded += text.count
            text.removeAll(keepingCapacity: true)
            droppedSinceLastPacket = true
            return nil
        }
        guard text.count >= 3, text.suffix(3).elementsEqual(Self.endOfTransmission) else { return nil }
        let reply = CytonReply(text: String(decoding: text.dropLast(3), as: UTF8.self))
        text.removeAll(keepingCapacity: true)
        counters.replies += 1
        expectedSampleNumber = nil
        return .reply(reply)
    }

    private mutating func drop(_ count: Int) {
        counters.bytesDiscarded += count
        position += count
        droppedSinceLastPacket = true
    }

    /// Drops the bytes already taken from the front of the buffer.
    private mutating func compact() {
        buffer.dropConsumed(upTo: &position)
    }
}
