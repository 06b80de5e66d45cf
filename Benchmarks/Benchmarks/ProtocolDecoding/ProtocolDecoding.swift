import Benchmark
import LipTwitchProtocol

/// Decoder throughput and allocations, on the worst stream the protocol is built for
/// (8 EMG channels at 2 kHz, batches of 16, PROTOCOL.md section 9) and on random bytes.
/// One iteration decodes a whole prepared stream; BENCHMARKS.md converts to MB/s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(5),
        maxIterations: 2_000)

    let sampleStream = Streams.sampleFrames(count: Streams.frameCount)
    Benchmark("decode \(Streams.frameCount) sample frames (\(sampleStream.count) bytes)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Streams.decodeAll(sampleStream))
        }
    }

    Benchmark("decode \(sampleStream.count) bytes in 1-byte chunks") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Streams.decodeAll(sampleStream, chunkSize: 1))
        }
    }

    let noise = Streams.randomBytes(count: sampleStream.count)
    Benchmark("decode \(noise.count) random bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Streams.decodeAll(noise))
        }
    }

    Benchmark("encode \(Streams.frameCount) sample frames") { benchmark in
        var encoder = FrameEncoder()
        var output: [UInt8] = []
        output.reserveCapacity(sampleStream.count)
        let message = DeviceMessage.samples(Streams.batch(index: 0))
        for _ in benchmark.scaledIterations {
            output.removeAll(keepingCapacity: true)
            for _ in 0..<Streams.frameCount { encoder.encode(message, into: &output) }
            blackHole(output.count)
        }
    }
}

/// The prepared inputs, built once before measuring.
enum Streams {
    static let frameCount = 1_000
    static let channels = 8
    static let samplesPerBatch = 16

    static func batch(index: Int) -> SampleBatch {
        var random = LinearCongruential(seed: UInt64(index))
        let values = (0..<(channels * samplesPerBatch)).map { _ in Int32(Int16(truncatingIfNeeded: random.next())) / 8 }
        return SampleBatch(
            firstSampleIndex: UInt32(index * samplesPerBatch), timestampMicros: UInt32(index * 8_000),
            sampleCount: samplesPerBatch, channelCount: channels, format: .int16, flags: [], values: values)
    }

    static func sampleFrames(count: Int) -> [UInt8] {
        var encoder = FrameEncoder()
        var output: [UInt8] = []
        for index in 0..<count { encoder.encode(DeviceMessage.samples(batch(index: index)), into: &output) }
        return output
    }

    static func randomBytes(count: Int) -> [UInt8] {
        var random = LinearCongruential(seed: 42)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next() >> 24) }
    }

    /// Decodes `bytes` in chunks and returns a checksum of what came out, so nothing is optimized away.
    static func decodeAll(_ bytes: [UInt8], chunkSize: Int = 4096) -> Int {
        var decoder = DeviceStreamDecoder()
        var checksum = 0
        var start = 0
        while start < bytes.count {
            var input = bytes[start..<min(bytes.count, start + chunkSize)]
            while let event = decoder.decode(&input) {
                if case .message(.samples(let batch), _) = event {
                    checksum &+= Int(batch.value(sample: batch.sampleCount - 1, channel: 0))
                } else {
                    checksum &+= 1
                }
            }
            start += chunkSize
        }
        return checksum &+ decoder.counters.bytesDiscarded
    }
}

/// A tiny deterministic generator so the inputs are the same on every run.
struct LinearCongruential {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 16
    }
}
