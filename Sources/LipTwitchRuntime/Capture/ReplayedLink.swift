import LipTwitchCapture
import LipTwitchLink
import LipTwitchProtocol

/// The link of a capture, run again: the real `LinkStateMachine` with its own decoder, in
/// the capture's time, with the capture as the port. Its events are what a live link would
/// report on these bytes today (a regression in the link shows in a replay's output).
///
/// The port is the capture: an open succeeds at a recorded open (which the link takes as
/// the sensor appearing, so it opens at once whatever its backoff) and fails as "missing"
/// at any other time; reads and hang-ups arrive at their recorded times; what the link
/// writes goes nowhere (the capture holds the sensor's answers); its timer fires at its
/// deadline when no record comes first; a recorded stop request stops it (and a stop still
/// waiting for its acknowledgement at the end of the capture ends as unacknowledged).
///
/// A pure core in all but name: no I/O, no clock; the same capture gives the same events.
struct ReplayedLink {
    private var machine: LinkStateMachine
    private var decoder = DeviceStreamDecoder()
    private let location: SensorLocation
    private var timer: HostTime?
    private var isOpen = false
    /// True while a recorded open is being handled: an open now succeeds.
    private var openRecorded = false
    /// Set by a flush, a decoder reset or a close: the rest of the read is stale.
    private var discardRestOfRead = false
    private var inputs: [LinkInput] = []

    /// `configuration`: the live link's (`CaptureHeader.linkConfiguration`).
    init(devicePath: String, configuration: LinkConfiguration) {
        location = SensorLocation(devicePath: devicePath)
        machine = LinkStateMachine(configuration: configuration)
    }

    /// Takes the capture's next event (call `advance(to:)` with its time first); appends
    /// the link's events, with their times.
    mutating func handle(_ event: CaptureEvent, into events: inout [(LinkEvent, HostTime)]) {
        switch event {
        case .header:
            break
        case .end:
            if machine.phase == .stopping, let due = timer {
                timer = nil
                run(.timerFired, at: due, into: &events)
            }
        case .activity(let activity, let at):
            handle(activity, at: at, into: &events)
        case .stopRequested(let at):
            run(.stopRequested, at: at, into: &events)
        }
    }

    /// Time passes until just before `time`: the timer fires if it comes due by then.
    mutating func advance(to time: HostTime, into events: inout [(LinkEvent, HostTime)]) {
        while let due = timer, due < time {
            timer = nil
            run(.timerFired, at: due, into: &events)
        }
    }

    private mutating func handle(_ activity: PortActivity, at time: HostTime, into events: inout [(LinkEvent, HostTime)]) {
        switch activity {
        case .opened:
            openRecorded = true
            run(.device(.appeared(location)), at: time, into: &events)
            openRecorded = false
        case .read(let bytes):
            guard isOpen else { return }
            discardRestOfRead = false
            var input = bytes[...]
            while !discardRestOfRead, let decoded = decoder.decode(&input) {
                run(.received(decoded), at: time, into: &events)
            }
        case .hungUp(let reason):
            if isOpen { run(.hungUp(reason), at: time, into: &events) }
        case .closed:
            break
        }
    }

    /// Feeds one input and performs the actions, and those of the inputs they give rise to.
    private mutating func run(_ input: LinkInput, at time: HostTime, into events: inout [(LinkEvent, HostTime)]) {
        inputs.append(input)
        while !inputs.isEmpty {
            for action in machine.handle(inputs.removeFirst(), now: time) {
                perform(action, at: time, into: &events)
            }
        }
    }

    private mutating func perform(_ action: LinkAction, at time: HostTime, into events: inout [(LinkEvent, HostTime)]) {
        switch action {
        case .open(let path, _):
            if openRecorded {
                isOpen = true
                inputs.append(.openSucceeded)
            } else {
                inputs.append(
                    .openFailed(OpenFailure(.missing, message: "no sensor at \(path) (the capture shows no open here)")))
            }
        case .write, .send, .deliver, .setLineRate:
            break
        case .flushInput, .resetDecoder:
            if case .resetDecoder = action { decoder.reset() }
            discardRestOfRead = true
        case .close:
            isOpen = false
            discardRestOfRead = true
        case .report(let event):
            events.append((event, time))
        case .scheduleTimer(let at):
            timer = at
        case .cancelTimer:
            timer = nil
        }
    }
}
