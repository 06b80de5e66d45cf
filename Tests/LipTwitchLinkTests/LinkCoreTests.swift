import LipTwitchLink
import LipTwitchProtocol
import Testing

/// `LinkCore`: the state machine's actions performed on a port, and what comes of them.
@Suite struct LinkCoreTests {
    typealias F = LinkFixtures

    /// A port that keeps what the link did to it; a write fails while `failWrites` is set.
    struct NotedPort: LinkPort {
        var written: [[UInt8]] = []
        var flushes = 0
        var failWrites = false

        mutating func open(path: String, lineRate: Int) -> OpenFailure? { nil }
        func setLineRate(_ lineRate: Int) -> String? { nil }
        mutating func write(_ bytes: [UInt8]) -> String? {
            if failWrites { return "write: EIO" }
            written.append(bytes)
            return nil
        }
        mutating func flushInput() { flushes += 1 }
        func close() {}
    }

    static func wire(_ message: DeviceMessage, sequence: UInt16) -> [UInt8] {
        var bytes: [UInt8] = []
        FrameEncoder.encode(message, sequence: sequence, into: &bytes)
        return bytes
    }

    @Test func anOpenIsPortActivityThenTheLinksEventThenTheHandshakesFirstWrites() {
        var core = LinkCore(configuration: LinkConfiguration())
        var port = NotedPort()
        var outputs: [LinkOutput] = []
        core.handle(.device(.appeared(F.location)), at: F.ms(0), on: &port, into: &outputs)
        #expect(core.isOpen && core.phase == .handshaking)
        guard outputs.count >= 3, case .event(.opening, _) = outputs[0], case .port(.opened, _) = outputs[1],
            case .event(.opened, _) = outputs[2]
        else {
            Issue.record("unexpected outputs \(outputs)")
            return
        }
        #expect(port.written.first == [ProtocolConstants.delimiter], "a lone delimiter, then STOP")
        #expect(port.written.count == 2)
        #expect(core.timer != nil)
    }

    @Test func aFailedWriteIsAHangUpAtThePort() {
        var core = LinkCore(configuration: LinkConfiguration())
        var port = NotedPort(failWrites: true)
        var outputs: [LinkOutput] = []
        core.handle(.device(.appeared(F.location)), at: F.ms(0), on: &port, into: &outputs)
        #expect(outputs.contains { if case .port(.hungUp("write: EIO"), _) = $0 { true } else { false } })
        #expect(outputs.contains { if case .port(.closed, _) = $0 { true } else { false } })
        #expect(!core.isOpen && core.phase == .gone)
    }

    @Test func afterAFlushTheRestOfTheReadIsNotTheLinks() {
        var core = LinkCore(configuration: LinkConfiguration())
        var port = NotedPort()
        var outputs: [LinkOutput] = []
        core.handle(.device(.appeared(F.location)), at: F.ms(0), on: &port, into: &outputs)
        // The ACK of STOP (command 0) and, in the same read, an IDENTITY the sensor sent
        // before it: stale, flushed with the rest of the read.
        var decoder = PortDecoder()
        let read = decoder.decode(
            Self.wire(.ack(CommandAck(commandType: MessageType.stop.rawValue, commandSequence: 0)), sequence: 0)
                + Self.wire(.identity(F.identity()), sequence: 1), at: F.ms(5))
        #expect(read.events.count == 2, "the decoder decodes both for the pipeline")
        outputs.removeAll()
        core.take(read, on: &port, into: &outputs)
        #expect(port.flushes == 1)
        #expect(core.phase == .handshaking)
        #expect(!outputs.contains { if case .event(.identified, _) = $0 { true } else { false } })
    }
}
