/// The message types of PROTOCOL.md section 5, by their code in the frame header:
/// `0x01`–`0x7F` device to host, `0x81`–`0xFF` host to device.
public enum MessageType: UInt8, Sendable, CaseIterable {
    case identity = 0x01
    case samples = 0x02
    case status = 0x03
    case marker = 0x04
    case ack = 0x05
    case error = 0x06
    case pong = 0x07
    case identify = 0x81
    case start = 0x82
    case stop = 0x83
    case setRate = 0x84
    case ping = 0x85

    /// The name the test vectors and the tools use: "identity", ..., "set_rate", "ping".
    public var name: String {
        switch self {
        case .identity: "identity"
        case .samples: "samples"
        case .status: "status"
        case .marker: "marker"
        case .ack: "ack"
        case .error: "error"
        case .pong: "pong"
        case .identify: "identify"
        case .start: "start"
        case .stop: "stop"
        case .setRate: "set_rate"
        case .ping: "ping"
        }
    }

    /// True for the host-to-device types.
    public var isCommand: Bool { rawValue & 0x80 != 0 }
}
