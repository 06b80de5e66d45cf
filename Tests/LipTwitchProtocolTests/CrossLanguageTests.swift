import LipTwitchProtocol
import Testing

/// The Swift module against the C firmware library, through `lt-crosscheck`: the C side
/// encodes what Swift decodes, and decodes what Swift encodes. Building the tool is part
/// of the test; a failing `make` fails it.
@Suite("Swift against C", .serialized)
struct CrossLanguageTests {
    @Test func theToolBuilds() throws {
        _ = try CrossCheckTool.built.get()
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func swiftDecodesWhatCEncodes(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let messages = (0..<400).map { _ in
            (message: RandomMessages.deviceMessage(using: &random), sequence: UInt16.random(in: .min ... .max, using: &random))
        }
        let replies = try CrossCheckTool.run("encode", lines: messages.map { $0.message.canonicalText(sequence: $0.sequence) })
        try #require(replies.count == messages.count, "one reply per message: \(replies.prefix(3))")
        for (sent, reply) in zip(messages, replies) {
            let text = sent.message.canonicalText(sequence: sent.sequence)
            guard let wire = Hex.parse(reply) else {
                Issue.record("C could not encode \(text): \(reply)")
                continue
            }
            #expect(DeviceStreamDecoder.events(from: wire) == [.message(sent.message, sequence: sent.sequence)], "\(text)")
            #expect(wire == Fixtures.wire(sent.message, sequence: sent.sequence), "same bytes as Swift: \(text)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func cDecodesWhatSwiftEncodes(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        var encoder = FrameEncoder(firstSequence: .random(in: .min ... .max, using: &random))
        var lines: [String] = []
        var expected: [String] = []
        for _ in 0..<400 {
            let command = RandomMessages.hostCommand(using: &random)
            expected.append(command.canonicalText(sequence: encoder.nextSequence))
            var wire: [UInt8] = []
            encoder.encode(command, into: &wire)
            lines.append(Hex.format(wire))
        }
        #expect(try CrossCheckTool.run("decode", lines: lines) == expected)
    }

    /// Valid commands, corrupted ones and garbage in one stream: both decoders must report
    /// the same commands and the same rejections, in the same order.
    @Test(arguments: [4, 5, 6] as [UInt64])
    func bothDecodersAgreeOnABrokenStream(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        var encoder = FrameEncoder()
        var lines: [String] = []
        for _ in 0..<300 {
            var wire: [UInt8] = []
            encoder.encode(RandomMessages.hostCommand(using: &random), into: &wire)
            switch Int.random(in: 0..<12, using: &random) {
            case 0: wire[Int.random(in: 0..<wire.count - 1, using: &random)] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1: wire.removeSubrange(Int.random(in: 0..<wire.count - 1, using: &random)..<wire.count - 1)
            case 2: wire = random.bytes(.random(in: 1...20, using: &random)) + [0] + wire
            case 3: wire = Fixtures.wire(typeCode: 0x02, sequence: encoder.nextSequence, payload: [1, 2, 3])
            case 4: wire = [UInt8](repeating: 0x55, count: .random(in: 1030...1500, using: &random)) + [0] + wire
            default: break
            }
            lines.append(Hex.format(wire))
        }
        let stream = lines.flatMap { Hex.parse($0) ?? [] }
        let swiftReports = CommandStreamDecoder.events(from: stream).compactMap { event -> String? in
            switch event {
            case .message(let command, let sequence): command.canonicalText(sequence: sequence)
            case .frameError(let error): "invalid: \(error.vectorReason)"
            case .sequenceGap, .sequenceReset: nil
            }
        }
        #expect(swiftReports.contains { $0.hasPrefix("invalid: crc") })
        #expect(swiftReports.contains { $0.hasPrefix("invalid: unknown-type") })
        #expect(swiftReports.contains { $0.hasPrefix("invalid: oversize") })
        #expect(try CrossCheckTool.run("decode", lines: lines) == swiftReports)
    }
}
