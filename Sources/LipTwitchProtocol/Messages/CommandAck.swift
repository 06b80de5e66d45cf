/// ACK (`0x05`, PROTOCOL.md section 6.5): the sensor accepted a command.
public struct CommandAck: Sendable, Equatable {
    /// The type of the command acknowledged.
    public var commandType: UInt8
    /// The sequence number of that command's frame.
    public var commandSequence: UInt16

    public init(commandType: UInt8, commandSequence: UInt16) {
        self.commandType = commandType
        self.commandSequence = commandSequence
    }
}

extension CommandAck: MessagePayload {
    static var messageType: MessageType { .ack }
    static var minimumPayloadLength: Int { 3 }

    init(reading payload: PayloadReader) throws(PayloadError) {
        self.init(commandType: payload.uint8(at: 0), commandSequence: payload.uint16(at: 1))
    }

    func encodePayload(into buffer: inout [UInt8]) {
        buffer.append(commandType)
        buffer.appendLittleEndian(commandSequence)
    }
}
