/// Splits a byte stream into candidates at each `0x00` and checks their integrity
/// (PROTOCOL.md section 2.4, steps 1 to 5): COBS, length, CRC-32C. It knows nothing of
/// versions, message types or sequence numbers; `MessageStreamDecoder` builds on it.
///
/// Memory is fixed whatever the input: one buffer of
/// `ProtocolConstants.maxEncodedFrameLength` bytes, allocated at init. A candidate that
/// arrives whole in one input chunk is decoded straight from the input into it; one cut
/// by a chunk boundary is collected there first and decoded in place.
/// An oversize candidate is not buffered: the decoder counts its bytes up to the next
/// delimiter and reports it there, once, as `.oversize` with its full length.
public struct FrameDecoder: Sendable {
    /// What the bytes in `buffer` are.
    enum State: Sendable {
        /// The first `byteCount` encoded bytes of the current candidate (0: none yet).
        case collecting(byteCount: Int)
        /// Nothing: the current candidate grew past the limit and is being skipped up to its
        /// delimiter; `byteCount` bytes of it have arrived so far.
        case skippingOversize(byteCount: Int)
        /// The frame reported last, whose payload the caller may still be reading;
        /// cleared on the next call.
        case reported
    }

    /// `ProtocolConstants.maxEncodedFrameLength` bytes: the current candidate's encoded
    /// bytes, or the decoded frame reported last.
    private(set) var buffer: [UInt8]
    private var state = State.collecting(byteCount: 0)

    public init() {
        buffer = [UInt8](repeating: 0, count: ProtocolConstants.maxEncodedFrameLength)
    }

    /// The bytes received since the last delimiter: a candidate not yet complete.
    public var bufferedByteCount: Int {
        switch state {
        case .collecting(let byteCount), .skippingOversize(let byteCount): byteCount
        case .reported: 0
        }
    }

    /// Consumes bytes from the front of `input` until a candidate is complete, and returns
    /// the intact frame or why it was dropped; returns nil when `input` ran out first (the
    /// bytes are kept for the next call). Empty candidates are skipped silently.
    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> Result<Frame, FrameError>? {
        if case .reported = state { reset() }
        while let delimiter = input.firstIndexOfZero() {
            let result = complete(with: input[..<delimiter])
            input = input[(delimiter + 1)...]
            if let result { return result }
        }
        collect(input)
        input = input[input.endIndex...]
        return nil
    }

    /// Forgets the candidate in progress.
    public mutating func reset() {
        state = .collecting(byteCount: 0)
    }

    /// Adds bytes of the current candidate; switches to skipping once it is too long.
    private mutating func collect(_ bytes: ArraySlice<UInt8>) {
        switch state {
        case .skippingOversize(let byteCount):
            state = .skippingOversize(byteCount: byteCount + bytes.count)
        case .collecting(let byteCount):
            let total = byteCount + bytes.count
            guard total <= ProtocolConstants.maxEncodedFrameLength else {
                state = .skippingOversize(byteCount: total)
                return
            }
            buffer.withUnsafeMutableBytes { buffer in
                bytes.withUnsafeBytes { buffer.baseAddress!.advanced(by: byteCount).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
            state = .collecting(byteCount: total)
        case .reported:
            preconditionFailure("collect follows reset")
        }
    }

    /// Checks the candidate that a delimiter ends, whose last bytes are `tail`; nil when it
    /// was empty.
    private mutating func complete(with tail: ArraySlice<UInt8>) -> Result<Frame, FrameError>? {
        if case .collecting(0) = state {
            guard !tail.isEmpty else { return nil }
            state = .reported
            guard tail.count <= ProtocolConstants.maxEncodedFrameLength else {
                return .failure(.oversize(byteCount: tail.count))
            }
            let decodedLength = tail.withUnsafeBytes { encoded in
                buffer.withUnsafeMutableBytes { COBS.decode(encoded, into: $0.baseAddress!) }
            }
            return check(decodedLength: decodedLength, encodedCount: tail.count)
        }
        collect(tail)
        switch state {
        case .skippingOversize(let byteCount):
            state = .reported
            return .failure(.oversize(byteCount: byteCount))
        case .collecting(let byteCount):
            state = .reported
            let decodedLength = buffer.withUnsafeMutableBytes { buffer in
                COBS.decode(UnsafeRawBufferPointer(rebasing: buffer[..<byteCount]), into: buffer.baseAddress!)
            }
            return check(decodedLength: decodedLength, encodedCount: byteCount)
        case .reported:
            preconditionFailure("collect leaves a candidate")
        }
    }

    /// Checks the length and CRC of the frame just decoded into `buffer`: `decodedLength`
    /// bytes, nil when the COBS encoding of its `encodedCount` bytes was invalid.
    private func check(decodedLength: Int?, encodedCount: Int) -> Result<Frame, FrameError> {
        guard let frameLength = decodedLength else { return .failure(.invalidEncoding(byteCount: encodedCount)) }
        guard frameLength >= ProtocolConstants.minFrameLength else { return .failure(.runt(byteCount: encodedCount)) }
        guard frameLength <= ProtocolConstants.maxFrameLength else {
            return .failure(.oversize(byteCount: encodedCount))
        }
        let crcOffset = frameLength - ProtocolConstants.crcLength
        let crcMatches = buffer.withUnsafeBytes { frame in
            let received = UInt32(littleEndian: frame.loadUnaligned(fromByteOffset: crcOffset, as: UInt32.self))
            return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: frame[..<crcOffset])) == received
        }
        guard crcMatches else { return .failure(.crcMismatch(byteCount: encodedCount)) }
        return .success(Frame(
            version: buffer[0], typeCode: buffer[1], sequence: UInt16(buffer[2]) | UInt16(buffer[3]) << 8,
            payload: buffer[ProtocolConstants.headerLength..<crcOffset], wireByteCount: encodedCount + 1))
    }
}
