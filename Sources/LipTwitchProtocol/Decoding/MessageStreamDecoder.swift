/// A single-step decoder of one direction of the protocol: bytes in, in chunks of any size;
/// events out, one per call (PROTOCOL.md sections 2.4 and 3.1).
///
/// ```swift
/// var input = chunk[...]
/// while let event = decoder.decode(&input) { handle(event) }
/// ```
///
/// Memory is bounded whatever the input: one frame buffer, reserved at init. In steady
/// state decoding allocates nothing per frame: the sample value array of the previous
/// batch is reused when the caller no longer holds that batch.
///
/// Accounting (`counters`): every byte fed in is received; the wire bytes of every
/// candidate not delivered as a message (dropped, unknown type, malformed, unsupported
/// version) are discarded; empty candidates (`00 00`) count for nothing. A **resync** is
/// counted at the first message delivered after any dropped or skipped candidate.
/// Oversize candidates are not buffered; they are reported once, at their delimiter.
/// Sequence numbers are followed for every intact frame of the supported version, whether
/// delivered, of unknown type or malformed; the first one after init or `reset()` sets the
/// expectation.
public struct MessageStreamDecoder<Message: WireMessage>: Sendable {
    @usableFromInline
    var frames = FrameDecoder()
    @usableFromInline
    var sequence = SequenceTracker()
    @usableFromInline
    var _counters = DecoderCounters()
    /// The event of a frame whose sequence gap or reset was reported first.
    @usableFromInline
    var pendingEvent: DecoderEvent<Message>?
    /// A message already handed out, kept so that a later message can reuse its storage
    /// (see `WireMessage.decode(typeCode:payload:recycling:)`).
    @usableFromInline
    var recycled: Message?
    /// Whether a candidate was dropped or skipped since the last delivered message.
    @usableFromInline
    var rejectedSinceLastMessage = false

    public init() {}

    /// Every count so far.
    @inlinable
    public var counters: DecoderCounters { _counters }

    /// Bytes received since the last delimiter: a frame still arriving (or cut off, at the
    /// end of a capture).
    @inlinable
    public var bufferedByteCount: Int { frames.bufferedByteCount }

    /// Consumes bytes from the front of `input` until one event is ready, and returns it;
    /// returns nil once `input` is exhausted (need more bytes: the partial frame is kept).
    /// One frame can yield two events (a sequence gap, then its message), so call it until
    /// it returns nil.
    @inlinable
    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> DecoderEvent<Message>? {
        if let event = pendingEvent.take() { return event }
        let countBefore = input.count
        let candidate = frames.decode(&input)
        _counters.bytesReceived += countBefore - input.count
        switch candidate {
        case nil:
            return nil
        case .failure(let error):
            return reject(error, wireByteCount: (error.byteCount ?? 0) + 1)
        case .success(let frame):
            return accept(frame)
        }
    }

    /// Forgets the partial frame and the sequence expectation (after the host flushed the
    /// port): the partial frame's bytes count as discarded, the next frame sets the
    /// expectation. Counters are kept, and an event already pending (the message after a
    /// reported sequence gap) is still returned by the next `decode`.
    public mutating func reset() {
        dropPartialFrame()
        sequence = SequenceTracker()
    }

    /// Forgets the partial frame only (its tail will never come: the line went quiet in the
    /// middle of it); its bytes count as discarded, the sequence expectation stays.
    public mutating func dropPartialFrame() {
        _counters.bytesDiscarded += frames.bufferedByteCount
        frames.reset()
    }

    /// Handles an intact frame: version, sequence, then message.
    @inlinable
    mutating func accept(_ frame: Frame) -> DecoderEvent<Message> {
        guard frame.version == ProtocolConstants.version else {
            return reject(.unsupportedVersion(frame.version), wireByteCount: frame.wireByteCount)
        }
        let verdict = sequence.observe(frame.sequence)
        let event = interpret(frame)
        switch verdict {
        case .inOrder:
            return event
        case .gap(let expected, let lostFrames):
            _counters.sequenceGaps += 1
            _counters.lostFrames += lostFrames
            pendingEvent = event
            return .sequenceGap(expected: expected, received: frame.sequence, lostFrames: lostFrames)
        case .restart(let expected):
            _counters.sequenceResets += 1
            pendingEvent = event
            return .sequenceReset(expected: expected, received: frame.sequence)
        }
    }

    /// Reads the message of an intact frame of the supported version.
    @inlinable
    mutating func interpret(_ frame: Frame) -> DecoderEvent<Message> {
        let message: Message?
        do {
            message = try Message.decode(typeCode: frame.typeCode, payload: frame.payload, recycling: &recycled)
        } catch {
            return reject(.malformedPayload(error), wireByteCount: frame.wireByteCount)
        }
        guard let message else {
            return reject(.unknownMessageType(frame.typeCode), wireByteCount: frame.wireByteCount)
        }
        if recycled == nil { recycled = message }
        _counters.framesDecoded += 1
        if rejectedSinceLastMessage {
            _counters.resyncs += 1
            rejectedSinceLastMessage = false
        }
        return .message(message, sequence: frame.sequence)
    }

    /// Counts a candidate that is not delivered and reports it.
    @inlinable
    mutating func reject(_ error: FrameError, wireByteCount: Int) -> DecoderEvent<Message> {
        _counters.recordRejection(error, wireByteCount: wireByteCount)
        rejectedSinceLastMessage = true
        return .frameError(error)
    }
}

/// Decodes what a sensor sends.
public typealias DeviceStreamDecoder = MessageStreamDecoder<DeviceMessage>
/// Decodes what a host sends (the device side, simulators and tests).
public typealias CommandStreamDecoder = MessageStreamDecoder<HostCommand>
