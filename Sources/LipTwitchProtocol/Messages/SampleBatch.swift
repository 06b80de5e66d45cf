/// SAMPLES (`0x02`, PROTOCOL.md section 6.2): consecutive samples of every channel, as
/// raw counts (multiply by the channel's scale for physical units).
public struct SampleBatch: Sendable, Equatable {
    /// Index of the batch's first sample since START (PROTOCOL.md section 3.3).
    public let firstSampleIndex: UInt32
    /// Device time of the first sample, µs (PROTOCOL.md section 3.2).
    public let timestampMicros: UInt32
    /// Samples per channel, 1 to 255.
    public let sampleCount: Int
    /// Channels per sample, 1 to 8.
    public let channelCount: Int
    public let format: SampleFormat
    public let flags: BatchFlags
    /// `sampleCount × channelCount` counts, sample-major: sample 0 of every channel, then
    /// sample 1, ... (a `var` only so that the decoder can take its storage back).
    public private(set) var values: [Int32]

    /// A batch of `values` (sample-major); stops the program unless `values` holds exactly
    /// `sampleCount × channelCount` counts.
    public init(
        firstSampleIndex: UInt32, timestampMicros: UInt32, sampleCount: Int, channelCount: Int,
        format: SampleFormat, flags: BatchFlags = [], values: [Int32]
    ) {
        precondition(
            values.count == sampleCount * channelCount,
            "\(values.count) values are not \(sampleCount) samples × \(channelCount) channels")
        self.firstSampleIndex = firstSampleIndex
        self.timestampMicros = timestampMicros
        self.sampleCount = sampleCount
        self.channelCount = channelCount
        self.format = format
        self.flags = flags
        self.values = values
    }

    /// The count of `channel` in sample `sample` of the batch.
    @inlinable
    public func value(sample: Int, channel: Int) -> Int32 {
        values[sample * channelCount + channel]
    }

    /// Offset of the first sample in the payload.
    static let valuesOffset = 12

    /// Gives up the value array, leaving the batch empty-handed (for recycling its storage).
    mutating func takeValues() -> [Int32] {
        var taken: [Int32] = []
        swap(&taken, &values)
        return taken
    }
}

extension SampleBatch: MessagePayload {
    static var messageType: MessageType { .samples }
    static var minimumPayloadLength: Int { valuesOffset }

    init(reading payload: PayloadReader) throws(PayloadError) {
        var values: [Int32] = []
        try self.init(reading: payload, storingValuesIn: &values)
    }

    /// Reads the batch, writing its values into `values` (made as long as the batch), whose
    /// storage is reused when nothing else holds it and it is large enough.
    init(reading payload: PayloadReader, storingValuesIn values: inout [Int32]) throws(PayloadError) {
        let sampleCount = Int(payload.uint8(at: 8))
        try payload.require(sampleCount >= 1, "sample_count is 0")
        let channelCount = try payload.channelCount(at: 9)
        let format = try payload.sampleFormat(at: 10)
        let valueCount = sampleCount * channelCount
        try payload.requireLength(Self.valuesOffset + valueCount * format.bytesPerSample)
        Self.resize(&values, to: valueCount)
        payload.withUnsafeBytes(from: Self.valuesOffset) { bytes in
            values.withUnsafeMutableBufferPointer { Self.readValues(of: format, from: bytes, into: $0) }
        }
        self.init(
            firstSampleIndex: payload.uint32(at: 0), timestampMicros: payload.uint32(at: 4), sampleCount: sampleCount,
            channelCount: channelCount, format: format, flags: BatchFlags(rawValue: payload.uint8(at: 11)),
            values: values)
    }

    /// Makes `values` `count` long, keeping its storage when it is unique and large enough;
    /// what it holds is then overwritten.
    private static func resize(_ values: inout [Int32], to count: Int) {
        if values.count > count {
            values.removeLast(values.count - count)
        } else if values.count < count {
            values.append(contentsOf: repeatElement(0, count: count - values.count))
        }
    }

    /// Sign-extends `values.count` little-endian samples of `format` to `Int32`s, in a
    /// loop without calls or checks, which the compiler turns into vector instructions.
    private static func readValues(
        of format: SampleFormat, from bytes: UnsafeRawBufferPointer, into values: UnsafeMutableBufferPointer<Int32>
    ) {
        guard let source = bytes.baseAddress, let target = values.baseAddress else { return }
        switch format {
        case .int16:
            for index in 0..<values.count {
                let raw = source.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self)
                target[index] = Int32(Int16(bitPattern: UInt16(littleEndian: raw)))
            }
        case .int24:
            for index in 0..<values.count {
                let offset = 3 * index
                let raw = UInt32(source.load(fromByteOffset: offset, as: UInt8.self))
                    | UInt32(source.load(fromByteOffset: offset + 1, as: UInt8.self)) << 8
                    | UInt32(source.load(fromByteOffset: offset + 2, as: UInt8.self)) << 16
                target[index] = Int32(bitPattern: raw << 8) >> 8
            }
        }
    }

    /// Writes the fields as they are; stops the program when a count does not fit `format`,
    /// or `sampleCount` or `channelCount` does not fit a byte.
    func encodePayload(into buffer: inout [UInt8]) {
        buffer.appendLittleEndian(firstSampleIndex)
        buffer.appendLittleEndian(timestampMicros)
        buffer.append(contentsOf: [UInt8(sampleCount), UInt8(channelCount), format.rawValue, flags.rawValue])
        let range = format.valueRange
        for value in values {
            precondition(range.contains(value), "sample value \(value) does not fit \(format.label)")
            withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0.prefix(format.bytesPerSample)) }
        }
    }
}
