/// Reads the fields of one payload at the offsets PROTOCOL.md gives (little-endian), and
/// turns failed length and range checks into `PayloadError`s of its message type.
struct PayloadReader {
    private let bytes: ArraySlice<UInt8>
    private let type: MessageType

    /// Fails unless `bytes` holds at least `minimumLength` bytes.
    init(_ bytes: ArraySlice<UInt8>, type: MessageType, minimumLength: Int) throws(PayloadError) {
        self.bytes = bytes
        self.type = type
        try requireLength(minimumLength)
    }

    /// Fails unless the payload holds at least `length` bytes.
    func requireLength(_ length: Int) throws(PayloadError) {
        try require(bytes.count >= length, "payload is \(bytes.count) bytes, \(type.name) needs \(length)")
    }

    /// Fails with `reason` unless `condition` holds.
    func require(_ condition: Bool, _ reason: @autoclosure () -> String) throws(PayloadError) {
        guard condition else { throw failure(reason()) }
    }

    /// The error for this payload's type, saying `reason`.
    func failure(_ reason: String) -> PayloadError {
        PayloadError(typeCode: type.rawValue, reason: reason)
    }

    func uint8(at offset: Int) -> UInt8 {
        bytes[bytes.startIndex + offset]
    }

    func uint16(at offset: Int) -> UInt16 {
        UInt16(uint8(at: offset)) | UInt16(uint8(at: offset + 1)) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    func float32(at offset: Int) -> Float {
        Float(bitPattern: uint32(at: offset))
    }

    /// The payload's bytes from `offset` on, for bulk reads.
    func withUnsafeBytes<Result>(from offset: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
    }
}

extension PayloadReader {
    /// The `channel_count` field of IDENTITY and SAMPLES: 1 to 8.
    func channelCount(at offset: Int) throws(PayloadError) -> Int {
        let count = Int(uint8(at: offset))
        try require(
            (1...ProtocolConstants.maxChannels).contains(count),
            "channel_count \(count) is outside 1...\(ProtocolConstants.maxChannels)")
        return count
    }

    /// The `sample_format` field of IDENTITY and SAMPLES.
    func sampleFormat(at offset: Int) throws(PayloadError) -> SampleFormat {
        let code = uint8(at: offset)
        guard let format = SampleFormat(rawValue: code) else {
            throw failure("sample_format \(code) is not 1 (int16) or 2 (int24)")
        }
        return format
    }
}
