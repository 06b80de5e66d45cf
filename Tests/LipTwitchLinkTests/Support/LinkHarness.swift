import LipTwitchLink
import LipTwitchProtocol

/// A `LinkStateMachine` with a clock the test moves by hand, and shortcuts that walk it
/// through the handshake: no port, no thread, no sleep.
struct LinkHarness {
    var machine: LinkStateMachine
    var now = HostTime.zero
    /// The sequence number of the last command the machine sent.
    private(set) var lastSequence: UInt16 = 0

    init(configuration: LinkConfiguration = LinkConfiguration()) {
        machine = LinkStateMachine(configuration: configuration)
    }

    mutating func handle(_ input: LinkInput) -> [LinkAction] {
        let actions = machine.handle(input, now: now)
        for case .send(_, let sequence) in actions { lastSequence = sequence }
        return actions
    }

    /// Moves the clock to `milliseconds` and fires the timer.
    mutating func fire(at milliseconds: Int64) -> [LinkAction] {
        now = LinkFixtures.ms(milliseconds)
        return handle(.timerFired)
    }

    mutating func receive(_ event: DecoderEvent<DeviceMessage>) -> [LinkAction] {
        handle(.received(event))
    }

    /// Answers the command sent last with ACK.
    mutating func acknowledge(_ type: MessageType) -> [LinkAction] {
        receive(LinkFixtures.ack(type, lastSequence))
    }

    /// Appeared and opened: the handshake has sent STOP.
    mutating func open(_ location: SensorLocation = LinkFixtures.location) {
        _ = handle(.device(.appeared(location)))
        _ = handle(.openSucceeded)
    }

    /// Open, then every step of the handshake answered at once: streaming.
    mutating func stream(identity: DeviceIdentity = LinkFixtures.identity()) {
        open()
        answerHandshake(identity: identity)
    }

    /// Answers STOP, IDENTIFY and START, then sends the first batch.
    mutating func answerHandshake(identity: DeviceIdentity = LinkFixtures.identity()) {
        _ = acknowledge(.stop)
        _ = receive(LinkFixtures.message(.identity(identity)))
        _ = acknowledge(.start)
        _ = receive(LinkFixtures.message(LinkFixtures.samples()))
    }
}

extension Array where Element == LinkAction {
    /// The events reported, in order.
    var reports: [LinkEvent] {
        compactMap { if case .report(let event) = $0 { event } else { nil } }
    }

    /// The commands sent, in order.
    var commands: [HostCommand] {
        compactMap { if case .send(let command, _) = $0 { command } else { nil } }
    }

    /// The last timer asked for.
    var timer: HostTime? {
        compactMap { if case .scheduleTimer(let at) = $0 { at } else { nil } }.last
    }
}
