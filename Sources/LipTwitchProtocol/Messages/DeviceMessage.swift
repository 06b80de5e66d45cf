/// A message a sensor sends to the host (PROTOCOL.md section 6).
public enum DeviceMessage: WireMessage {
    case identity(DeviceIdentity)
    case samples(SampleBatch)
    case status(DeviceStatus)
    case marker(UserMarker)
    case ack(CommandAck)
    case error(CommandError)
    case pong(Pong)

    /// This message's type.
    public var type: MessageType {
        switch self {
        case .identity: .identity
        case .samples: .samples
        case .status: .status
        case .marker: .marker
        case .ack: .ack
        case .error: .error
        case .pong: .pong
        }
    }

    public var typeCode: UInt8 { type.rawValue }

    public func encodePayload(into buffer: inout [UInt8]) {
        switch self {
        case .identity(let identity): identity.encodePayload(into: &buffer)
        case .samples(let batch): batch.encodePayload(into: &buffer)
        case .status(let status): status.encodePayload(into: &buffer)
        case .marker(let marker): marker.encodePayload(into: &buffer)
        case .ack(let ack): ack.encodePayload(into: &buffer)
        case .error(let error): error.encodePayload(into: &buffer)
        case .pong(let pong): pong.encodePayload(into: &buffer)
        }
    }

    public static func decode(typeCode: UInt8, payload: ArraySlice<UInt8>) throws(PayloadError) -> DeviceMessage? {
        var nothing: DeviceMessage?
        return try decode(typeCode: typeCode, payload: payload, recycling: &nothing)
    }

    /// Reuses the value array of a recycled `.samples` message for the next sample batch.
    public static func decode(
        typeCode: UInt8, payload: ArraySlice<UInt8>, recycling recycled: inout DeviceMessage?
    ) throws(PayloadError) -> DeviceMessage? {
        guard let type = MessageType(rawValue: typeCode) else { return nil }
        switch type {
        case .identity: return .identity(try DeviceIdentity.decode(payload))
        case .samples:
            var values = sampleStorage(recycling: &recycled)
            return .samples(try SampleBatch(reading: SampleBatch.reader(of: payload), storingValuesIn: &values))
        case .status: return .status(try DeviceStatus.decode(payload))
        case .marker: return .marker(try UserMarker.decode(payload))
        case .ack: return .ack(try CommandAck.decode(payload))
        case .error: return .error(try CommandError.decode(payload))
        case .pong: return .pong(try Pong.decode(payload))
        case .identify, .start, .stop, .setRate, .ping: return nil
        }
    }

    /// The value array of `recycled` when it is a sample batch, else an empty one.
    private static func sampleStorage(recycling recycled: inout DeviceMessage?) -> [Int32] {
        guard case .samples(var batch) = recycled.take() else { return [] }
        return batch.takeValues()
    }
}
