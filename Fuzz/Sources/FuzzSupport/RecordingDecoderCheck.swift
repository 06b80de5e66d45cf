import LipTwitchRecordings

/// Drives a recording decoder over a fuzzer's input to its end, and checks what every
/// `RecordingDecoder` promises: the format first and once, then sample blocks in order,
/// contiguous, each of the format's channel count; an error ends the decoding. Every value
/// is kept (`keep`).
public enum RecordingDecoderCheck {
    public static func run<Decoder: RecordingDecoder>(_ decoder: inout Decoder, on bytes: [UInt8]) {
        var state = State()
        do throws(RecordingError) {
            for chunk in FuzzChunks(bytes) {
                var input = chunk
                while let event = try decoder.decode(&input) { state.take(event) }
                precondition(input.isEmpty, "the decoder returned nil before consuming its input")
            }
            while let event = try decoder.finish() { state.take(event) }
        } catch {
            keep(error.description)
        }
    }

    private struct State {
        var format: RecordingFormat?
        var nextSample = 0

        mutating func take(_ event: RecordingEvent) {
            switch event {
            case .format(let format):
                precondition(self.format == nil, "a second format")
                precondition(!format.channels.isEmpty, "a format without channels")
                precondition(format.sampleRateHz > 0 && format.sampleRateHz.isFinite, "a format's rate \(format.sampleRateHz)")
                self.format = format
                keep(format)
            case .samples(let block):
                guard let format else { preconditionFailure("samples before the format") }
                precondition(block.firstSampleIndex == nextSample, "blocks not contiguous")
                precondition(block.channelCount == format.channels.count, "a block's channel count")
                precondition(block.values.count == block.sampleCount * block.channelCount, "a block's size")
                nextSample += block.sampleCount
                keep(block.values.reduce(0, +))
            case .annotation(let annotation):
                precondition(format != nil, "an annotation before the format")
                keep(annotation)
            }
        }
    }
}
