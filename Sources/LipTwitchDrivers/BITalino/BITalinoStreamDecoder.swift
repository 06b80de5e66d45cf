import LipTwitchProtocol

/// Decodes what a BITalino (r)evolution sends: frames of `channelCount` analog channels
/// while it is in live mode, the version text ("BITalino_v5.1\n") when asked in idle
/// mode. Feed it bytes in chunks of any size; it is single-step (`decode(&input)` returns
/// one event, or nil when it needs more bytes), counts everything it drops, and never
/// throws.
///
/// Frames have no header, so the decoder finds them by their check. Locked on the stream,
/// it takes a frame when its CRC holds and its sequence number is the one expected. Any
/// other frame unlocks it (a CRC that fails counts as a CRC failure), and it hunts: it
/// slides one byte at a time until two consecutive frames both hold their CRC with
/// consecutive sequence numbers (a false match is about one chance in four thousand per
/// offset, where a single 4-bit CRC would be one in sixteen), and takes the first of
/// them. A jump of the sequence number, modulo 16, is reported as the frames lost before
/// the frame (sixteen lost frames in a row cannot be seen). While hunting, text that
/// begins with "BITalino" is the version answer, up to its line end; it starts the
/// sequence count afresh, as does `reset()` (the board counts from 0 at each start).
public struct BITalinoStreamDecoder: Sendable {
    /// A version answer longer than this without a line end is not one.
    public static let maximumVersionLength = 64
    private static let versionMarker = Array("BITalino".utf8)
    private static let lineEnd = UInt8(ascii: "\n")

    /// The analog channels each frame carries (1 to 6).
    public let channelCount: Int
    /// Bytes per frame.
    public let frameLength: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var expectedSequence: UInt8?
    private var locked = false
    private var pending: BITalinoEvent?
    private var droppedSinceLastFrame = false
    /// Every count since init: `crcFailures` are frames dropped for their CRC while locked,
    /// `framesDecoded` frames and version answers.
    public private(set) var counters = DecoderCounters()

    /// Stops the program unless `channelCount` is 1 to 6.
    public init(channelCount: Int) {
        precondition(BITalinoFrame.channelCounts.contains(channelCount), "a BITalino frame has 1 to 6 channels")
        self.channelCount = channelCount
        frameLength = BITalinoFrame.byteCount(channelCount: channelCount)
    }

    /// Consumes `input` and returns the next event, or nil once every whole frame and
    /// answer in what was fed is out (a partial one is kept for the next bytes).
    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> BITalinoEvent? {
        if let event = pending.take() { return event }
        if !input.isEmpty {
            counters.bytesReceived += input.count
            buffer.append(contentsOf: input)
            input.removeAll()
        }
        defer { compact() }
        while position < buffer.count {
            if locked {
                guard buffer.count - position >= frameLength else { return nil }
                if let frame = frame(at: position), frame.sequence == expectedSequence {
                    position += frameLength
                    return accept(frame)
                }
                if !holdsCRC(at: position) { counters.crcFailures += 1 }
                locked = false
            }
            switch version(at: position) {
            case .incomplete: return nil
            case .found(let text, let length):
                position += length
                return answer(text)
            case .absent: break
            }
            guard buffer.count - position >= 2 * frameLength else { return nil }
            if let first = frame(at: position), let second = frame(at: position + frameLength),
                second.sequence == (first.sequence + 1) & 0x0F
            {
                position += frameLength
                locked = true
                return accept(first)
            }
            drop(1)
        }
        return nil
    }

    /// Bytes of a partial frame or answer held for the next bytes.
    public var bufferedByteCount: Int { buffer.count - position }

    /// Forgets a partial frame or answer (their bytes count as discarded) and the sequence
    /// number expected next.
    public mutating func reset() {
        dropPartialFrame()
        expectedSequence = nil
    }

    /// Forgets a partial frame or answer (their bytes count as discarded), but not the
    /// sequence number expected next; the next frame is found by hunting.
    public mutating func dropPartialFrame() {
        counters.bytesDiscarded += bufferedByteCount
        if bufferedByteCount > 0 { droppedSinceLastFrame = true }
        buffer.removeAll(keepingCapacity: true)
        position = 0
        locked = false
    }

    private func holdsCRC(at start: Int) -> Bool {
        let bytes = buffer[start..<start + frameLength]
        return BITalinoCRC.checksum(of: bytes) == bytes[bytes.endIndex - 1] & 0x0F
    }

    /// The frame at `start`, if its CRC holds.
    private func frame(at start: Int) -> BITalinoFrame? {
        guard holdsCRC(at: start) else { return nil }
        return BITalinoFrame(bytes: buffer[start..<start + frameLength], channelCount: channelCount)
    }

    private enum VersionSearch {
        case absent
        case incomplete
        case found(String, length: Int)
    }

    /// Whether the version answer begins at `start`, is still arriving, or is not there.
    private func version(at start: Int) -> VersionSearch {
        let available = buffer[start...]
        let marker = Self.versionMarker
        guard available.prefix(marker.count).elementsEqual(marker.prefix(available.count)) else { return .absent }
        let window = available.prefix(Self.maximumVersionLength)
        guard let end = window.firstIndex(of: Self.lineEnd) else {
            return window.count < Self.maximumVersionLength ? .incomplete : .absent
        }
        let text = String(decoding: buffer[start..<end], as: UTF8.self)
        return .found(text.trimmingWhitespace, length: end + 1 - start)
    }

    private mutating func answer(_ text: String) -> BITalinoEvent {
        counters.framesDecoded += 1
        expectedSequence = nil
        droppedSinceLastFrame = false
        return .version(text)
    }

    private mutating func accept(_ frame: BITalinoFrame) -> BITalinoEvent {
        counters.framesDecoded += 1
        if droppedSinceLastFrame {
            counters.resyncs += 1
            droppedSinceLastFrame = false
        }
        defer { expectedSequence = (frame.sequence + 1) & 0x0F }
        guard let expected = expectedSequence, frame.sequence != expected else { return .frame(frame) }
        let lost = Int((frame.sequence &- expected) & 0x0F)
        counters.sequenceGaps += 1
        counters.lostFrames += lost
        pending = .frame(frame)
        return .framesLost(count: lost)
    }

    private mutating func drop(_ count: Int) {
        counters.bytesDiscarded += count
        position += count
        droppedSinceLastFrame = true
    }

    /// Drops the bytes already taken from the front of the buffer.
    private mutating func compact() {
        buffer.dropConsumed(upTo: &position)
    }
}
