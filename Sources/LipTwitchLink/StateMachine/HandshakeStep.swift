/// The step of the start-up handshake (PROTOCOL.md section 8) a link is at, with the
/// number of the current try where commands are retried.
public enum HandshakeStep: Sendable, Equatable {
    /// The lone delimiter and STOP are sent; waiting for the ACK.
    case stopSent
    case identifySent(try: Int)
    case setRateSent(try: Int)
    case startSent(try: Int)
    /// START was acknowledged; waiting for the first sample batch.
    case awaitingSamples
}
