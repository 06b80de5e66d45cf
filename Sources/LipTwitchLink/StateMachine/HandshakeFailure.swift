import LipTwitchProtocol

/// Why a handshake was given up (PROTOCOL.md section 8): the link closes the port, backs
/// off and tries again.
public enum HandshakeFailure: Sendable, Equatable, CustomStringConvertible {
    /// A command went unanswered every try.
    case noAnswer(to: MessageType, tries: Int)
    /// START was acknowledged, but no sample batch followed.
    case noSamples
    /// The sensor answered a command with ERROR.
    case refused(MessageType, DeviceErrorCode)
    /// The board refused the handshake, and its driver says what that means.
    case refusedAsAdvised(String)
    /// The sensor acknowledged SET_RATE yet still reports another rate.
    case rateNotApplied(requested: UInt16, reported: UInt16)

    public var description: String {
        switch self {
        case .noAnswer(let command, let tries):
            "the sensor did not answer \(command.name.uppercased()) (\(tries) tries)"
        case .noSamples:
            "the sensor acknowledged START but sent no samples"
        case .refused(let command, let code):
            "the sensor refused \(command.name.uppercased()) (error \(code.label))"
        case .refusedAsAdvised(let advice):
            advice
        case .rateNotApplied(let requested, let reported):
            "the sensor accepted \(requested) Hz but still samples at \(reported) Hz"
        }
    }
}
