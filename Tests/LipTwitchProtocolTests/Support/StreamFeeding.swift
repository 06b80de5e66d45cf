import LipTwitchProtocol

extension MessageStreamDecoder {
    /// Feeds `bytes` in chunks of the sizes `chunkSizes` yields (the last chunk takes the
    /// rest) and returns every event, in order.
    mutating func events(
        from bytes: [UInt8], chunkSizes: () -> Int = { Int.max }
    ) -> [DecoderEvent<Message>] {
        var events: [DecoderEvent<Message>] = []
        var start = 0
        while start < bytes.count {
            let end = start + min(bytes.count - start, max(1, chunkSizes()))
            var chunk = bytes[start..<end]
            while let event = decode(&chunk) { events.append(event) }
            start = end
        }
        return events
    }

    /// Every event of `bytes` fed at once, by a fresh decoder.
    static func events(from bytes: [UInt8]) -> [DecoderEvent<Message>] {
        var decoder = Self()
        return decoder.events(from: bytes)
    }
}

extension DecoderEvent {
    /// The message, when this is a message event.
    var message: Message? {
        guard case .message(let message, _) = self else { return nil }
        return message
    }

    /// The frame error, when this is a frame error event.
    var frameError: FrameError? {
        guard case .frameError(let error) = self else { return nil }
        return error
    }
}

extension FrameError {
    /// The README's reason word for this error.
    var vectorReason: String {
        switch self {
        case .oversize: "oversize"
        case .invalidEncoding: "encoding"
        case .runt: "runt"
        case .crcMismatch: "crc"
        case .unsupportedVersion: "unsupported-version"
        case .unknownMessageType: "unknown-type"
        case .malformedPayload: "malformed"
        }
    }

    /// The counter that counts this error.
    var counter: KeyPath<DecoderCounters, Int> {
        switch self {
        case .oversize: \.oversizeFrames
        case .invalidEncoding: \.invalidEncodings
        case .runt: \.runts
        case .crcMismatch: \.crcFailures
        case .unsupportedVersion: \.unsupportedVersions
        case .unknownMessageType: \.unknownMessageTypes
        case .malformedPayload: \.malformedPayloads
        }
    }
}
