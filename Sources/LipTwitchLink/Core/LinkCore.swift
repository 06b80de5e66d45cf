import LipTwitchDrivers
import LipTwitchProtocol

/// The link to one sensor, whole and pure: the `LinkStateMachine`, the loop that performs
/// its actions on a `LinkPort` (feeding back what they give rise to: an open's result, a
/// failed write) and its timer. It hands on the running stream's batches and markers as
/// the port's decoder placed them in host time. No I/O of its own and no clock: time
/// comes with every input.
///
/// One loop for every link: `SensorLink`'s thread drives it with a serial port and the
/// poll loop's time, a replay drives it with the capture as the port and the capture's
/// time, so a replayed capture shows what the live link made of the same bytes.
///
/// ```swift
/// var outputs: [LinkOutput] = []
/// core.handle(.device(.appeared(location)), at: now, on: &port, into: &outputs)
/// core.take(decoder.decode(bytes, at: now), on: &port, into: &outputs)   // a read
/// if let due = core.timer, now >= due { core.handle(.timerFired, at: now, on: &port, into: &outputs) }
/// ```
public struct LinkCore: Sendable {
    private var machine: LinkStateMachine
    /// The driver's table: how a command is written to the board.
    private let driver: any DriverTable
    /// Where the decoder placed the event being taken.
    private var placement = EventPlacement.untimed
    /// When the state machine wants `timerFired` next.
    public private(set) var timer: HostTime?
    /// Whether the port is open (reads on a closed port are not the link's).
    public private(set) var isOpen = false
    /// Set by a flush or a close: the rest of the read being taken is stale.
    private var discardRestOfRead = false
    private var inputs: [LinkInput] = []
    private var frame: [UInt8] = []

    public init(configuration: LinkConfiguration) {
        machine = LinkStateMachine(configuration: configuration)
        driver = configuration.driver.table
    }

    public var phase: LinkPhase { machine.phase }
    /// The state machine's counts.
    public var counters: LinkCounters { machine.counters }

    /// Takes one input at `now` and performs the actions, and those of the inputs they give
    /// rise to, on `port`.
    public mutating func handle<Port: LinkPort>(
        _ input: LinkInput, at now: HostTime, on port: inout Port, into outputs: inout [LinkOutput]
    ) {
        inputs.append(input)
        while !inputs.isEmpty {
            let next = inputs.removeFirst()
            switch next {
            case .hungUp(let reason):
                outputs.append(.port(.hungUp(reason), at: now))
            case .timerFired:
                timer = nil
            default:
                break
            }
            for action in machine.handle(next, now: now) { perform(action, at: now, on: &port, into: &outputs) }
        }
    }

    /// Takes what one read of the open port said, event by event, until the link flushes or
    /// closes the port (the rest of the read is stale then).
    public mutating func take<Port: LinkPort>(
        _ read: DecodedRead, on port: inout Port, into outputs: inout [LinkOutput]
    ) {
        guard isOpen else { return }
        discardRestOfRead = false
        for decoded in read.events {
            if discardRestOfRead { break }
            placement = decoded.placement
            handle(.received(decoded.event), at: read.time, on: &port, into: &outputs)
        }
        placement = .untimed
    }

    private mutating func perform<Port: LinkPort>(
        _ action: LinkAction, at now: HostTime, on port: inout Port, into outputs: inout [LinkOutput]
    ) {
        switch action {
        case .open(let path, let lineRate):
            if let failure = port.open(path: path, lineRate: lineRate) {
                inputs.append(.openFailed(failure))
            } else {
                isOpen = true
                outputs.append(.port(.opened(path: path), at: now))
                inputs.append(.openSucceeded)
            }
        case .setLineRate(let lineRate):
            if let problem = port.setLineRate(lineRate) { inputs.append(.hungUp(problem)) }
        case .write(let bytes):
            write(bytes, on: &port)
        case .send(let command, let sequence):
            frame.removeAll(keepingCapacity: true)
            driver.encode(command, sequence: sequence, into: &frame)
            if !frame.isEmpty { write(frame, on: &port) }
        case .flushInput:
            port.flushInput()
            discardRestOfRead = true
        case .close:
            if isOpen {
                port.close()
                outputs.append(.port(.closed, at: now))
            }
            isOpen = false
            discardRestOfRead = true
        case .scheduleTimer(let at):
            timer = at
        case .cancelTimer:
            timer = nil
        case .report(let event):
            outputs.append(.event(event, at: now))
        case .deliver(let message):
            deliver(message, at: now, into: &outputs)
        }
    }

    private mutating func write<Port: LinkPort>(_ bytes: [UInt8], on port: inout Port) {
        guard isOpen else { return }
        if let problem = port.write(bytes) { inputs.append(.hungUp(problem)) }
    }

    /// A message of the running stream, as the decoder placed it (a batch the bytes say is
    /// stale is not the stream's).
    private func deliver(_ message: DeviceMessage, at now: HostTime, into outputs: inout [LinkOutput]) {
        switch (message, placement) {
        case (.samples(let batch), .batch(let timing)):
            outputs.append(.samples(batch, timing))
        case (.status(let status), _):
            outputs.append(.status(status, at: now))
        case (.marker(let marker), .marker(let at)):
            outputs.append(.marker(marker, at: at))
        default:
            break
        }
    }
}
