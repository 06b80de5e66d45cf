import LipTwitchDrivers
import Testing

/// `CytonStreamDecoder` on bytes laid out by hand from OpenBCI's "Cyton Data Format".
@Suite struct CytonStreamDecoderTests {
    /// A packet as the data format lays it out: channel `c` holds `values[c]`.
    static func packet(_ sampleNumber: UInt8, _ values: [Int32] = Array(repeating: 0, count: 8), accel: [Int16] = [0, 0, 0],
                       footer: UInt8 = 0xC0) -> [UInt8] {
        var bytes: [UInt8] = [0xA0, sampleNumber]
        for value in values {
            let raw = UInt32(bitPattern: value)
            bytes += [UInt8(raw >> 16 & 0xFF), UInt8(raw >> 8 & 0xFF), UInt8(raw & 0xFF)]
        }
        for value in accel { bytes += [UInt8(UInt16(bitPattern: value) >> 8), UInt8(UInt16(bitPattern: value) & 0xFF)] }
        return bytes + [footer]
    }

    static func events(_ chunks: [[UInt8]], decoder: inout CytonStreamDecoder) -> [CytonEvent] {
        var events: [CytonEvent] = []
        for chunk in chunks {
            var input = chunk[...]
            while let event = decoder.decode(&input) { events.append(event) }
        }
        return events
    }

    @Test func aPacketReadsItsChannelsSignExtendedAndItsAccelerometer() {
        var decoder = CytonStreamDecoder()
        let values: [Int32] = [1, -1, 8_388_607, -8_388_608, 0x123456, -0x123456, 0, 42]
        let events = Self.events([Self.packet(7, values, accel: [-16, 8000, 1])], decoder: &decoder)
        #expect(events == [.packet(CytonPacket(sampleNumber: 7, channels: values, auxiliary: [-16, 8000, 1], footer: 0xC0))])
        guard case .packet(let packet) = events.first else { return }
        #expect(packet.accelerometer == [-16, 8000, 1])
        #expect(decoder.counters.packets == 1 && decoder.counters.bytesDiscarded == 0 && decoder.counters.bytesReceived == 33)
    }

    @Test func packetsSplitAnywhereAcrossReadsComeOutWhole() {
        let stream = (0..<5).flatMap { Self.packet(UInt8($0), [Int32($0) * 1000] + Array(repeating: 0, count: 7)) }
        for cut in [1, 2, 13, 32, 33, 34, 100] {
            var decoder = CytonStreamDecoder()
            let chunks = stride(from: 0, to: stream.count, by: cut).map { Array(stream[$0..<min($0 + cut, stream.count)]) }
            let numbers = Self.events(chunks, decoder: &decoder).compactMap { event -> UInt8? in
                if case .packet(let packet) = event { packet.sampleNumber } else { nil }
            }
            #expect(numbers == [0, 1, 2, 3, 4], "chunks of \(cut) bytes")
        }
    }

    @Test func aLostByteCostsOnePacketAndTheCounterSaysHowManySamples() {
        var decoder = CytonStreamDecoder()
        var broken = Self.packet(1, [0x00A0C0, 5, 6, 7, 8, 9, 10, 11])
        broken.remove(at: 10)
        let events = Self.events([Self.packet(0), broken, Self.packet(2), Self.packet(3)], decoder: &decoder)
        #expect(events.first == .packet(CytonPacket(sampleNumber: 0, channels: Array(repeating: 0, count: 8), auxiliary: [0, 0, 0], footer: 0xC0)))
        #expect(Array(events.dropFirst()).prefix(1) == [.samplesLost(count: 1)])
        let numbers = events.compactMap { event -> UInt8? in if case .packet(let packet) = event { packet.sampleNumber } else { nil } }
        #expect(numbers == [0, 2, 3])
        #expect(decoder.counters.bytesDiscarded == 32 && decoder.counters.resyncs == 1)
        #expect(decoder.counters.sampleGaps == 1 && decoder.counters.lostSamples == 1)
    }

    @Test func aWrongFooterIsNotAPacket() {
        var decoder = CytonStreamDecoder()
        let events = Self.events([Self.packet(0), Self.packet(1, footer: 0xB7), Self.packet(2)], decoder: &decoder)
        #expect(events.count == 3, "packet 0, the loss of one sample, packet 2: \(events)")
        #expect(events[1] == .samplesLost(count: 1))
        #expect(decoder.counters.bytesDiscarded == 33)
    }

    @Test func theSampleNumberWrapsAround() {
        var decoder = CytonStreamDecoder()
        let events = Self.events([Self.packet(254), Self.packet(255), Self.packet(0), Self.packet(3)], decoder: &decoder)
        #expect(events.filter { if case .samplesLost = $0 { true } else { false } } == [.samplesLost(count: 2)])
    }

    @Test func repliesEndAtTheEndOfTransmissionMarker() {
        var decoder = CytonStreamDecoder()
        let banner = "OpenBCI V3 8-16 channel\nOn Board ADS1299 Device ID: 0x3E\nLIS3DH Device ID: 0x33\nFirmware: v3.1.2\n$$$"
        let events = Self.events(
            [Array(banner.prefix(20).utf8), Array(banner.dropFirst(20).utf8),
             Array("updating channel settings to default\n$$$".utf8),
             Array("Success: Channel set for 3\n$$$".utf8),
             Array("Failure: Communications timeout - Device failed to poll Host$$$".utf8)],
            decoder: &decoder)
        #expect(events == [
            .reply(.banner(firmware: "v3.1.2", daisy: false)), .reply(.defaultsRestored), .reply(.channelSet(3)),
            .reply(.failure("Communications timeout - Device failed to poll Host")),
        ])
    }

    @Test func noiseBeforeAPacketIsCountedAndTheSampleCountStartsAfterAReply() {
        var decoder = CytonStreamDecoder()
        let events = Self.events([[0xFF, 0x00, 0x41], Self.packet(9), Array("$$$".utf8), Self.packet(0)], decoder: &decoder)
        #expect(events.filter { if case .samplesLost = $0 { true } else { false } }.isEmpty)
        #expect(decoder.counters.bytesDiscarded == 3 && decoder.counters.resyncs == 1)
    }

    @Test func theScaleIsOpenBCIs() {
        #expect(abs(CytonScale.microvoltsPerCount(gain: 24) - 0.022_351_744) < 1e-8)
        #expect(CytonScale.gPerAccelerometerCount == 0.000_125)
    }
}
