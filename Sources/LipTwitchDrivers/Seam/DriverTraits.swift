/// What the link's state machine needs to know of a driver's board beyond its bytes: the
/// line rates it may be at, how the handshake begins, and which of the LipTwitch
/// protocol's habits it has (numbered answers, a heartbeat, a settable rate, a STOP it
/// confirms). The LipTwitch protocol's own traits are one set among the others.
public struct DriverTraits: Sendable, Equatable {
    /// The line rates (baud) the board may be at, tried in this order.
    public var lineRates: [Int]
    /// Bytes written before the handshake's STOP, to end whatever the board was in the
    /// middle of (the LipTwitch protocol: a lone frame delimiter).
    public var preamble: [UInt8]
    /// Whether an answer carries the sequence number of the command it answers; when not,
    /// the link takes the answer of the kind it waits for.
    public var numbersAnswers: Bool
    /// Whether the board confirms STOP; when not, the link closes without waiting.
    public var confirmsStop: Bool
    /// Whether the board wants the host's heartbeat (PING) while it streams.
    public var wantsHeartbeat: Bool
    /// Whether the board's sample rate can be changed (SET_RATE); when not, a rate asked
    /// for that differs from the board's own makes the board unusable for that run.
    public var setsSampleRate: Bool
    /// How long IDENTIFY may take to be answered (a board that resets to answer it is slow).
    public var identifyTimeout: Duration
    /// What to tell a person when the board refuses the handshake, if the driver knows
    /// what it means (nil: the refusal's code is said).
    public var refusalAdvice: String?

    public init(
        lineRates: [Int], preamble: [UInt8] = [], numbersAnswers: Bool, confirmsStop: Bool, wantsHeartbeat: Bool,
        setsSampleRate: Bool, identifyTimeout: Duration, refusalAdvice: String? = nil
    ) {
        precondition(!lineRates.isEmpty, "a driver needs a line rate")
        self.lineRates = lineRates
        self.preamble = preamble
        self.numbersAnswers = numbersAnswers
        self.confirmsStop = confirmsStop
        self.wantsHeartbeat = wantsHeartbeat
        self.setsSampleRate = setsSampleRate
        self.identifyTimeout = identifyTimeout
        self.refusalAdvice = refusalAdvice
    }
}
