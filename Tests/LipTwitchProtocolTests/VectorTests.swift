import Foundation
import LipTwitchProtocol
import Testing

/// Every vector of `Firmware-Protocol/vectors/vectors.txt`, the reference both the C
/// library and this module are held to.
@Suite("Test vectors")
struct VectorTests {
    static let deviceMessages = TestVector.all(.deviceToHost).filter { $0.expectedText != nil }
    static let hostCommands = TestVector.all(.hostToDevice).filter { $0.expectedText != nil }
    static let invalid = TestVector.all.filter { $0.expectedText == nil }

    @Test func theFileHoldsTheVectorsItsHeaderAnnounces() throws {
        let vectors = try TestVector.loaded.get()
        #expect(Set(vectors.map(\.name)).count == vectors.count, "names are unique")
        for vector in vectors {
            #expect(vector.frame.last == 0 && vector.frame.dropLast().allSatisfy { $0 != 0 }, "\(vector.name)")
        }
        // "# device-to-host: 55 valid, 69 invalid"
        let text = try String(contentsOf: TestVector.fileURL, encoding: .utf8)
        let header = text.split(separator: "\n").filter { $0.hasPrefix("# device-to-host:") || $0.hasPrefix("# host-to-device:") }
        #expect(header.count == 2)
        for line in header {
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            let direction: TestVector.Direction = line.hasPrefix("# device") ? .deviceToHost : .hostToDevice
            let ofDirection = vectors.filter { $0.direction == direction }
            #expect(numbers == [ofDirection.count { $0.expectedText != nil }, ofDirection.count { $0.expectedText == nil }])
        }
    }

    @Test(arguments: deviceMessages)
    func deviceMessage(vector: TestVector) throws {
        let text = try #require(vector.expectedText)
        var decoder = DeviceStreamDecoder()
        let events = decoder.events(from: vector.frame)
        guard case .message(let message, let sequence)? = events.first, events.count == 1 else {
            Issue.record("expected one message, decoded \(events)")
            return
        }
        #expect(message.canonicalText(sequence: sequence) == text)
        let parsed = try DeviceMessage.parse(canonicalText: text)
        #expect(parsed.message == message)
        #expect(parsed.sequence == sequence)
        var encoded: [UInt8] = []
        FrameEncoder.encode(message, sequence: sequence, into: &encoded)
        #expect(encoded == vector.frame)
        #expect(decoder.counters.framesDecoded == 1)
        #expect(decoder.counters.bytesReceived == vector.frame.count)
        #expect(decoder.counters.bytesDiscarded == 0)
    }

    @Test(arguments: hostCommands)
    func hostCommand(vector: TestVector) throws {
        let text = try #require(vector.expectedText)
        let (command, sequence) = try HostCommand.parse(canonicalText: text)
        #expect(command.canonicalText(sequence: sequence) == text)
        var encoded: [UInt8] = []
        FrameEncoder.encode(command, sequence: sequence, into: &encoded)
        #expect(encoded == vector.frame)
        var decoder = CommandStreamDecoder()
        #expect(decoder.events(from: vector.frame) == [.message(command, sequence: sequence)])
        #expect(decoder.counters.framesDecoded == 1)
    }

    @Test(arguments: invalid)
    func invalidFrame(vector: TestVector) {
        switch vector.direction {
        case .deviceToHost: expectRejection(of: vector, by: DeviceStreamDecoder())
        case .hostToDevice: expectRejection(of: vector, by: CommandStreamDecoder())
        }
    }

    private func expectRejection<Message>(of vector: TestVector, by decoder: MessageStreamDecoder<Message>) {
        guard case .invalid(let reason) = vector.expectation else { return }
        var decoder = decoder
        let events = decoder.events(from: vector.frame)
        guard let error = events.first?.frameError, events.count == 1 else {
            Issue.record("expected one frame error, decoded \(events)")
            return
        }
        #expect(error.vectorReason == reason)
        #expect(decoder.counters[keyPath: error.counter] == 1)
        #expect(decoder.counters.bytesReceived == vector.frame.count)
        #expect(decoder.counters.bytesDiscarded == vector.frame.count)
        #expect(decoder.counters.framesDecoded == 0)
        if let byteCount = error.byteCount { #expect(byteCount == vector.frame.count - 1) }
    }
}

extension TestVector {
    /// The canonical text of a valid vector; nil for an invalid one.
    var expectedText: String? {
        guard case .message(let text) = expectation else { return nil }
        return text
    }
}
