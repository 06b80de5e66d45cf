/// ERROR (`0x06`, PROTOCOL.md section 6.6): the sensor refused a command, and why.
public struct CommandError: Sendable, Equatable {
    /// The type of the refused command, as received.
    public var commandType: UInt8
    /// The sequence number of that command's frame.
    public var commandSequence: UInt16
    public var code: DeviceErrorCode

    public init(commandType: UInt8, commandSequence: UInt16, code: DeviceErrorCode) {
        self.commandType = commandType
        self.commandSequence = commandSequence
        self.code = code
    }
}

extension CommandError: MessagePayload {
    static var messageType: MessageType { .error }
    static var minimumPayloadLength: Int { 4 }

    init(reading payload: PayloadReader) throws(PayloadError) {
        self.init(
            commandType: payload.uint8(at: 0), commandSequence: payload.uint16(at: 1),
            code: DeviceErrorCode(code: payload.uint8(at: 3)))
    }

    func encodePayload(into buffer: inout [UInt8]) {
        buffer.append(commandType)
        buffer.appendLittleEndian(commandSequence)
        buffer.append(code.rawValue)
    }
}
