/// Splits a byte stream into candidates at each `0x00` and checks their integrity
/// (PROTOCOL.md section 2.4, steps 1 to 5): COBS, length, CRC-32C. It knows nothing of
/// versions, message types or sequence numbers; `MessageStreamDecoder` builds on it.
///
/// Memory is fixed whatever the input: one buffer of
/// `ProtocolConstants.maxEncodedFrameLength` bytes, reserved at init and decoded in place.
/// An oversize candidate is not buffered: the decoder counts its bytes up to the next
/// delimiter and reports it there, once, as `.oversize` with its full length.
public struct FrameDecoder: Sendable {
    /// What the bytes in `buffer` are.
    enum State: Sendable {
        /// The encoded bytes of the current candidate, so far.
        case collecting
        /// Nothing: the current candidate grew past the limit and is being skipped up to its
        /// delimiter; `byteCount` bytes of it have arrived so far.
        case skippingOversize(byteCount: Int)
        /// The candidate reported last, whose payload the caller may still be reading;
        /// cleared on the next call.
        case reported
    }

    /// The current candidate's encoded bytes; decoded in place when its delimiter arrives.
    private(set) var buffer: [UInt8]
    private var state = State.collecting

    public init() {
        buffer = []
        buffer.reserveCapacity(ProtocolConstants.maxEncodedFrameLength)
    }

    /// The bytes received since the last delimiter: a candidate not yet complete.
    public var bufferedByteCount: Int {
        switch state {
        case .collecting: buffer.count
        case .skippingOversize(let byteCount): byteCount
        case .reported: 0
        }
    }

    /// Consumes bytes from the front of `input` until a candidate is complete, and returns
    /// the intact frame or why it was dropped; returns nil when `input` ran out first (the
    /// bytes are kept for the next call). Empty candidates are skipped silently.
    public mutating func decode(_ input: inout ArraySlice<UInt8>) -> Result<Frame, FrameError>? {
        if case .reported = state { reset() }
        while !input.isEmpty {
            let delimiterOffset = input.withUnsafeBufferPointer { $0.firstIndex(of: ProtocolConstants.delimiter) }
            guard let delimiterOffset else {
                collect(input)
                input = input[input.endIndex...]
                return nil
            }
            let delimiter = input.startIndex + delimiterOffset
            collect(input[..<delimiter])
            input = input[(delimiter + 1)...]
            if let result = completeCandidate() { return result }
        }
        return nil
    }

    /// Forgets the candidate in progress.
    public mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        state = .collecting
    }

    /// Adds bytes of the current candidate; switches to skipping once it is too long.
    private mutating func collect(_ bytes: ArraySlice<UInt8>) {
        switch state {
        case .skippingOversize(let byteCount):
            state = .skippingOversize(byteCount: byteCount + bytes.count)
        case .collecting, .reported:
            if buffer.count + bytes.count > ProtocolConstants.maxEncodedFrameLength {
                state = .skippingOversize(byteCount: buffer.count + bytes.count)
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
    }

    /// Checks the candidate that a delimiter just ended; nil when it was empty.
    private mutating func completeCandidate() -> Result<Frame, FrameError>? {
        if case .skippingOversize(let byteCount) = state {
            state = .reported
            return .failure(.oversize(byteCount: byteCount))
        }
        guard !buffer.isEmpty else { return nil }
        state = .reported
        let encodedCount = buffer.count
        guard let frameLength = buffer.withUnsafeMutableBytes({ COBS.decodeInPlace($0) }) else {
            return .failure(.invalidEncoding(byteCount: encodedCount))
        }
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
