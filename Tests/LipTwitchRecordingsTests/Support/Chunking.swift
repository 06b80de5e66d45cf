import LipTwitchRecordings
import LipTwitchSignals
import LipTwitchSimulator

/// How a file's bytes are cut into reads; every way must give the same events.
enum Chunking: Sendable, CustomStringConvertible {
    case whole
    case byteByByte
    case random(seed: UInt64, maxSize: Int)

    static let all: [Chunking] = [.whole, .byteByByte, .random(seed: 1, maxSize: 7), .random(seed: 2, maxSize: 300),
        .random(seed: 3, maxSize: 70_000)]

    var description: String {
        switch self {
        case .whole: "at once"
        case .byteByByte: "one byte at a time"
        case .random(let seed, let maxSize): "random chunks up to \(maxSize) bytes, seed \(seed)"
        }
    }

    /// Every event `decoder` yields for `bytes` fed in these chunks, then at the end; the
    /// error `finish` or `decode` threw, if any, after the events before it.
    func decode<Decoder: RecordingDecoder>(_ bytes: [UInt8], with decoder: Decoder) -> DecodeResult {
        var decoder = decoder
        var result = DecodeResult()
        var random = SignalRandom(seed: { if case .random(let seed, _) = self { seed } else { 0 } }())
        var offset = 0
        do {
            while offset < bytes.count {
                let size: Int
                switch self {
                case .whole: size = bytes.count
                case .byteByByte: size = 1
                case .random(_, let maxSize): size = Int.random(in: 1...maxSize, using: &random)
                }
                var input = bytes[offset..<min(bytes.count, offset + size)]
                offset = input.endIndex
                while let event = try decoder.decode(&input) { result.events.append(event) }
                if !input.isEmpty { result.leftOver = true }
            }
            while let event = try decoder.finish() { result.events.append(event) }
        } catch {
            result.error = error
        }
        return result
    }
}

/// What decoding one input gave.
struct DecodeResult {
    init(events: [RecordingEvent] = []) {
        self.events = events
    }

    var events: [RecordingEvent] = []
    var error: RecordingError?
    /// Whether `decode` ever returned nil with input left (it must consume it all).
    var leftOver = false

    /// The events with every NaN sample replaced by one sentinel value, so that two
    /// decodings with the same missing samples compare equal.
    var comparableEvents: [RecordingEvent] {
        events.map { event in
            guard case .samples(var block) = event else { return event }
            block.values = block.values.map { $0.isNaN ? -.greatestFiniteMagnitude : $0 }
            return .samples(block)
        }
    }

    var formats: [RecordingFormat] {
        events.compactMap { if case .format(let format) = $0 { format } else { nil } }
    }

    var blocks: [SampleBlock] {
        events.compactMap { if case .samples(let block) = $0 { block } else { nil } }
    }

    var annotations: [RecordingAnnotation] {
        events.compactMap { if case .annotation(let annotation) = $0 { annotation } else { nil } }
    }

    /// Every channel's samples end to end: `channels[c][i]`.
    var channels: [[Float]] {
        guard let width = formats.first?.channels.count else { return [] }
        var channels = [[Float]](repeating: [], count: width)
        for block in blocks {
            for sample in 0..<block.sampleCount {
                for channel in 0..<width { channels[channel].append(block.value(sample: sample, channel: channel)) }
            }
        }
        return channels
    }

    /// The one successful decoding's events, or a test failure naming the error.
    func expectSuccess() throws -> DecodeResult {
        if let error { throw Failure("decoding failed: \(error)") }
        return self
    }
}

/// A failure with a message, thrown from a test helper.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
