import LipTwitchProtocol
import Testing

/// Payload reading and writing, message by message (PROTOCOL.md sections 5 to 7).
@Suite("Messages")
struct MessageTests {
    @Test(arguments: [1, 2, 3, 4]) func randomDeviceMessagesRoundTrip(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var encoder = FrameEncoder(firstSequence: .random(in: .min ... .max, using: &random))
        var stream: [UInt8] = []
        var expected: [DecoderEvent<DeviceMessage>] = []
        for _ in 0..<300 {
            let message = RandomMessages.deviceMessage(using: &random)
            expected.append(.message(message, sequence: encoder.nextSequence))
            encoder.encode(message, into: &stream)
        }
        #expect(DeviceStreamDecoder.events(from: stream) == expected)
    }

    @Test(arguments: [1, 2, 3, 4]) func randomHostCommandsRoundTrip(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var encoder = FrameEncoder()
        var stream: [UInt8] = []
        var expected: [DecoderEvent<HostCommand>] = []
        for _ in 0..<300 {
            let command = RandomMessages.hostCommand(using: &random)
            expected.append(.message(command, sequence: encoder.nextSequence))
            encoder.encode(command, into: &stream)
        }
        #expect(CommandStreamDecoder.events(from: stream) == expected)
    }

    /// One message of every type, device and host.
    static let everyType: [any WireMessage] = [
        Fixtures.identity, Fixtures.samples(), Fixtures.samples(count: 3, channels: 3, format: .int24), Fixtures.status,
        DeviceMessage.marker(UserMarker(timestampMicros: 1, sampleIndex: 2, kind: .longPress)),
        DeviceMessage.ack(CommandAck(commandType: 0x84, commandSequence: 9)),
        DeviceMessage.error(CommandError(commandType: 0x84, commandSequence: 9, code: .invalidState)),
        DeviceMessage.pong(Pong(nonce: 7, timestampMicros: 8)),
        HostCommand.identify(hostMaxVersion: 1), HostCommand.start, HostCommand.stop, HostCommand.setSampleRate(500),
        HostCommand.ping(nonce: 0xCAFE_F00D),
    ]

    @Test(arguments: everyType.indices) func longerPayloadsAreAcceptedAndTheExtraBytesIgnored(index: Int) throws {
        try expectExtraBytesIgnored(Self.everyType[index])
    }

    @Test(arguments: everyType.indices) func everyShorterPayloadIsMalformed(index: Int) {
        expectShortPayloadsMalformed(Self.everyType[index])
    }

    private func expectExtraBytesIgnored<Message: WireMessage>(_ message: Message) throws {
        var payload: [UInt8] = []
        message.encodePayload(into: &payload)
        payload += [0xAB, 0x00, 0xCD]
        #expect(try Message.decode(typeCode: message.typeCode, payload: payload[...]) == message)
    }

    private func expectShortPayloadsMalformed<Message: WireMessage>(_ message: Message) {
        var payload: [UInt8] = []
        message.encodePayload(into: &payload)
        for length in 0..<payload.count {
            #expect(throws: PayloadError.self, "\(length) of \(payload.count) bytes") {
                try Message.decode(typeCode: message.typeCode, payload: payload[..<length])
            }
        }
    }

    @Test func typesOfTheOtherDirectionAreUnknown() throws {
        for type in MessageType.allCases {
            let payload = [UInt8](repeating: 1, count: 64)[...]
            if type.isCommand {
                #expect(try DeviceMessage.decode(typeCode: type.rawValue, payload: payload) == nil)
            } else {
                #expect(try HostCommand.decode(typeCode: type.rawValue, payload: payload) == nil)
            }
        }
        for code: UInt8 in [0x00, 0x08, 0x7F, 0x80, 0x86, 0xFF] {
            #expect(try DeviceMessage.decode(typeCode: code, payload: []) == nil)
            #expect(try HostCommand.decode(typeCode: code, payload: []) == nil)
        }
    }

    @Test func int24ValuesAreSignExtended() throws {
        let payload: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 2, 0, 0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x00]
        let message = try #require(try DeviceMessage.decode(typeCode: 0x02, payload: payload[...]))
        guard case .samples(let batch) = message else { Issue.record("not samples: \(message)"); return }
        #expect(batch.values == [8_388_607, -8_388_608, -1, 1])
        #expect(batch.value(sample: 2, channel: 0) == -1)
    }

    @Test func valuesAreSampleMajor() {
        let batch = SampleBatch(
            firstSampleIndex: 0, timestampMicros: 0, sampleCount: 3, channelCount: 2, format: .int16,
            values: [10, 20, 11, 21, 12, 22])
        #expect((0..<3).map { batch.value(sample: $0, channel: 1) } == [20, 21, 22])
    }

    /// An identity payload with one channel, for field-by-field tampering.
    static func identityPayload() -> [UInt8] {
        var payload: [UInt8] = []
        Fixtures.identity.encodePayload(into: &payload)
        return payload
    }

    static func decodeIdentity(_ payload: [UInt8]) throws(PayloadError) -> DeviceIdentity? {
        guard case .identity(let identity)? = try DeviceMessage.decode(typeCode: 0x01, payload: payload[...]) else { return nil }
        return identity
    }

    @Test func unknownPlacementsReadAsUnspecified() throws {
        var payload = Self.identityPayload()
        payload[28] = 15
        payload[36] = 0xFF
        let identity = try #require(try Self.decodeIdentity(payload))
        #expect(identity.channels.map(\.placement) == [.unspecified, .unspecified])
    }

    @Test(arguments: [
        (offset: 29, value: 4, reason: "channel 0 axis 4 is outside 0...3"),
        (offset: 3, value: 9, reason: "channel_count 9 is outside 1...8"),
        (offset: 3, value: 0, reason: "channel_count 0 is outside 1...8"),
        (offset: 2, value: 3, reason: "sensor_kind 3 is not 1 (emg) or 2 (accelerometer)"),
        (offset: 7, value: 0, reason: "max_batch is 0"),
        (offset: 6, value: 3, reason: "sample_format 3 is not 1 (int16) or 2 (int24)"),
        (offset: 8, value: 0x1F, reason: "serial holds a byte outside 0x20...0x7E"),
        (offset: 8, value: 0, reason: "serial is empty"),
        (offset: 23, value: 0x41, reason: "serial has bytes after its padding"),
    ] as [(offset: Int, value: UInt8, reason: String)])
    func identityFieldsOutOfRange(offset: Int, value: UInt8, reason: String) {
        var payload = Self.identityPayload()
        payload[offset] = value
        #expect(throws: PayloadError(typeCode: 0x01, reason: reason)) { try Self.decodeIdentity(payload) }
    }

    @Test(arguments: [0, -0.0, -1, .infinity, .nan, -.leastNonzeroMagnitude] as [Float])
    func scalesMustBeFiniteAndPositive(scale: Float) {
        var payload = Self.identityPayload()
        payload.replaceSubrange(40..<44, with: withUnsafeBytes(of: scale.bitPattern.littleEndian, Array.init))
        #expect(throws: PayloadError.self) { try Self.decodeIdentity(payload) }
    }

    @Test func sampleRatesOutsideTheRange() {
        for rate: UInt16 in [0, 4001, 65535] {
            var payload = Self.identityPayload()
            payload.replaceSubrange(4..<6, with: [UInt8(rate & 0xFF), UInt8(rate >> 8)])
            #expect(throws: PayloadError(typeCode: 1, reason: "sample_rate_hz \(rate) is outside 1...4000")) {
                try Self.decodeIdentity(payload)
            }
        }
    }

    @Test func unknownErrorCodesReadAsInternal() throws {
        let message = try DeviceMessage.decode(typeCode: 0x06, payload: [0x84, 1, 0, 42])
        #expect(message == .error(CommandError(commandType: 0x84, commandSequence: 1, code: .internal)))
    }

    @Test func flagBitsThisVersionDoesNotDefineAreKept() throws {
        var payload: [UInt8] = []
        Fixtures.samples(count: 1, channels: 1).encodePayload(into: &payload)
        payload[11] = 0b1000_0011
        guard case .samples(let batch)? = try DeviceMessage.decode(typeCode: 0x02, payload: payload[...]) else {
            Issue.record("not decoded")
            return
        }
        #expect(batch.flags.contains([.leadOff, .saturation]))
        #expect(batch.flags.rawValue == 0b1000_0011)
    }

    @Test func batteryUnknownIsNilAndOutOfRangeIsMalformed() throws {
        var payload: [UInt8] = []
        DeviceMessage.status(DeviceStatus(
            timestampMicros: 5, batteryPercent: nil, power: [.charging, .externalPower], leadOffMask: 1,
            saturationMask: 2, overrunCount: 3)).encodePayload(into: &payload)
        #expect(payload[4] == 255)
        guard case .status(let status)? = try DeviceMessage.decode(typeCode: 0x03, payload: payload[...]) else {
            Issue.record("not decoded")
            return
        }
        #expect(status.batteryPercent == nil)
        payload[4] = 101
        #expect(throws: PayloadError(typeCode: 3, reason: "battery_percent 101 is outside 0...100 and not 255")) {
            try DeviceMessage.decode(typeCode: 0x03, payload: payload[...])
        }
    }

    @Test func theSampleArrayIsReusedWhenTheCallerLetsGoOfIt() {
        var decoder = DeviceStreamDecoder()
        var input = (Fixtures.wire(Fixtures.samples(first: 0), sequence: 0)
            + Fixtures.wire(Fixtures.status, sequence: 1)
            + Fixtures.wire(Fixtures.samples(first: 16), sequence: 2))[...]
        func valuesAddress(_ event: DecoderEvent<DeviceMessage>?) -> UInt? {
            guard case .message(.samples(let batch), _)? = event else { return nil }
            return batch.values.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } }
        }
        let first = valuesAddress(decoder.decode(&input))
        #expect(decoder.decode(&input)?.message == Fixtures.status)
        let second = valuesAddress(decoder.decode(&input))
        #expect(first != nil)
        #expect(first == second)
    }

    @Test func aBatchTheCallerKeepsIsNeverOverwritten() {
        var decoder = DeviceStreamDecoder()
        var input = (Fixtures.wire(Fixtures.samples(first: 0), sequence: 0)
            + Fixtures.wire(Fixtures.samples(first: 16), sequence: 1))[...]
        let kept = decoder.decode(&input)
        let next = decoder.decode(&input)
        #expect(kept == .message(Fixtures.samples(first: 0), sequence: 0))
        #expect(next == .message(Fixtures.samples(first: 16), sequence: 1))
    }

    @Test func labels() {
        #expect(Placement.allCases.map(\.label) == [
            "unspecified", "upper-left", "upper-center", "upper-right", "lower-left", "lower-center", "lower-right",
            "left-corner", "right-corner", "left-cheek", "right-cheek", "left-eyelid", "right-eyelid", "left-jaw",
            "right-jaw",
        ])
        #expect(Axis.allCases.map(\.label) == ["none", "x", "y", "z"])
        #expect(DeviceErrorCode.allCases.map(\.label) == [
            "malformed", "unknown_command", "unsupported_value", "unsupported_version", "invalid_state", "internal",
        ])
        #expect(MarkerKind.allCases.map(\.label) == ["short-press", "long-press"])
        #expect(SensorKind.allCases.map(\.unit) == ["uV", "g"])
        #expect(SampleFormat.allCases.map(\.label) == ["i16", "i24"])
        #expect(FirmwareVersion(major: 1, minor: 22, patch: 3).description == "1.22.3")
    }
}
