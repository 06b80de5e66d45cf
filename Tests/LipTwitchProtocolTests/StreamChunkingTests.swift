import LipTwitchProtocol
import Testing

/// All vectors of one direction, back to back in one stream: however the stream is cut
/// into reads, the decoder must report exactly the same events and counts.
@Suite("Chunked streams")
struct StreamChunkingTests {
    /// How a stream is cut into reads.
    enum Chunking: Sendable, CustomTestStringConvertible {
        case whole
        case byteByByte
        case random(seed: UInt64, maxSize: Int)

        var testDescription: String {
            switch self {
            case .whole: "at once"
            case .byteByByte: "one byte at a time"
            case .random(let seed, let maxSize): "random chunks up to \(maxSize) bytes, seed \(seed)"
            }
        }

        func events<Message>(of bytes: [UInt8], decoder: inout MessageStreamDecoder<Message>) -> [DecoderEvent<Message>] {
            switch self {
            case .whole:
                return decoder.events(from: bytes)
            case .byteByByte:
                return decoder.events(from: bytes, chunkSizes: { 1 })
            case .random(let seed, let maxSize):
                var random = SeededRandom(seed: seed)
                return decoder.events(from: bytes, chunkSizes: { Int.random(in: 1...maxSize, using: &random) })
            }
        }
    }

    static let chunkings: [Chunking] = [.whole, .byteByByte]
        + (1...4).map { .random(seed: $0, maxSize: 16) } + (5...8).map { .random(seed: $0, maxSize: 2000) }

    @Test(arguments: chunkings)
    func deviceVectorsInOneStream(chunking: Chunking) {
        expectSameEvents(for: TestVector.all(.deviceToHost), chunking: chunking, decoder: DeviceStreamDecoder())
    }

    @Test(arguments: chunkings)
    func hostVectorsInOneStream(chunking: Chunking) {
        expectSameEvents(for: TestVector.all(.hostToDevice), chunking: chunking, decoder: CommandStreamDecoder())
    }

    private func expectSameEvents<Message: CanonicalText>(
        for vectors: [TestVector], chunking: Chunking, decoder: MessageStreamDecoder<Message>
    ) {
        #expect(!vectors.isEmpty)
        let stream = vectors.flatMap(\.frame)
        var reference = decoder
        let referenceEvents = reference.events(from: stream)
        var chunked = decoder
        let events = chunking.events(of: stream, decoder: &chunked)
        #expect(events == referenceEvents)
        #expect(chunked.counters == reference.counters)
        #expect(chunked.counters.bytesReceived == stream.count)
        #expect(chunked.bufferedByteCount == 0)

        // Without the sequence reports, one event per vector, in vector order.
        let frameEvents = events.filter { $0.message != nil || $0.frameError != nil }
        #expect(frameEvents.count == vectors.count)
        for (vector, event) in zip(vectors, frameEvents) {
            switch (vector.expectation, event) {
            case (.message(let text), .message(let message, let sequence)):
                #expect(message.canonicalText(sequence: sequence) == text, "\(vector.name)")
            case (.invalid(let reason), .frameError(let error)):
                #expect(error.vectorReason == reason, "\(vector.name)")
            default:
                Issue.record("\(vector.name): \(vector.expectation) decoded as \(event)")
            }
        }
        let invalidBytes = vectors.filter { $0.expectedText == nil }.reduce(0) { $0 + $1.frame.count }
        #expect(chunked.counters.bytesDiscarded == invalidBytes)
        #expect(chunked.counters.framesDecoded == vectors.count { $0.expectedText != nil })
    }
}
