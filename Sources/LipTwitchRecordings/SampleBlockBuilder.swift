/// Collects rows of channel values into `SampleBlock`s of a fixed number of samples, so
/// that where blocks start never depends on how the input was chunked.
struct SampleBlockBuilder: Sendable {
    let channelCount: Int
    let samplesPerBlock: Int
    private var values: [Float]
    private var firstSampleIndex = 0

    init(channelCount: Int, samplesPerBlock: Int) {
        self.channelCount = channelCount
        self.samplesPerBlock = samplesPerBlock
        values = []
        values.reserveCapacity(channelCount * samplesPerBlock)
    }

    /// Samples collected and not yet taken.
    var sampleCount: Int { values.count / channelCount }

    var isFull: Bool { sampleCount >= samplesPerBlock }

    /// Bytes held for the block being filled.
    var retainedCapacity: Int { MemoryLayout<Float>.stride * values.capacity }

    mutating func append(_ value: Float) {
        values.append(value)
    }

    /// Appends one sample of every channel, all missing (NaN).
    mutating func appendMissingSample() {
        values.append(contentsOf: repeatElement(.nan, count: channelCount))
    }

    /// Hands out the samples collected so far as one block (nil if none) and starts the next.
    mutating func take() -> SampleBlock? {
        guard !values.isEmpty else { return nil }
        let count = sampleCount
        let block = SampleBlock(
            firstSampleIndex: firstSampleIndex, sampleCount: count, channelCount: channelCount, values: values)
        firstSampleIndex += count
        values = []
        values.reserveCapacity(channelCount * samplesPerBlock)
        return block
    }
}
