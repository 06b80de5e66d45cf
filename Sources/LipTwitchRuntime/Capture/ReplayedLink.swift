import LipTwitchCapture
import LipTwitchLink
import LipTwitchProtocol

/// The link of a capture, run again: the live link's own `LinkCore`, in the capture's
/// time, with the capture as the port (`CaptureLinkPort`). Its events are what a live link
/// would report on these bytes today (a regression in the link shows in a replay's output).
///
/// A recorded open is the sensor appearing (the link opens at once whatever its backoff);
/// reads (decoded once, by the playback's `PortDecoder`) and hang-ups arrive at their
/// recorded times; its timer fires at its deadline when no record comes first; a recorded
/// stop request stops it (and a stop still waiting for its acknowledgement at the end of
/// the capture ends as unacknowledged).
///
/// A pure core in all but name: no I/O, no clock; the same capture gives the same events.
struct ReplayedLink {
    private var core: LinkCore
    private var port = CaptureLinkPort()
    private let location: SensorLocation
    private var outputs: [LinkOutput] = []

    /// `configuration`: the live link's (`CaptureHeader.linkConfiguration`).
    init(devicePath: String, configuration: LinkConfiguration) {
        location = SensorLocation(devicePath: devicePath)
        core = LinkCore(configuration: configuration)
    }

    /// Takes the capture's next event other than a read (call `advance(to:)` with its time
    /// first); appends the link's events.
    mutating func handle(_ event: CaptureEvent, into events: inout [LinkOutput]) {
        switch event {
        case .header, .activity(.read, _), .activity(.closed, _):
            break
        case .end:
            if core.phase == .stopping, let due = core.timer { run(.timerFired, at: due, into: &events) }
        case .activity(.opened, let at):
            port.openRecorded = true
            run(.device(.appeared(location)), at: at, into: &events)
            port.openRecorded = false
        case .activity(.hungUp(let reason), let at):
            if core.isOpen { run(.hungUp(reason), at: at, into: &events) }
        case .stopRequested(let at):
            run(.stopRequested, at: at, into: &events)
        }
    }

    /// Takes what a recorded read said; appends the link's events.
    mutating func take(_ read: DecodedRead, into events: inout [LinkOutput]) {
        core.take(read, on: &port, into: &outputs)
        keepEvents(into: &events)
    }

    /// Time passes until just before `time`: the timer fires if it comes due by then.
    mutating func advance(to time: HostTime, into events: inout [LinkOutput]) {
        while let due = core.timer, due < time {
            run(.timerFired, at: due, into: &events)
        }
    }

    private mutating func run(_ input: LinkInput, at time: HostTime, into events: inout [LinkOutput]) {
        core.handle(input, at: time, on: &port, into: &outputs)
        keepEvents(into: &events)
    }

    /// The link's events go on; what it did at the port is the capture's to say.
    private mutating func keepEvents(into events: inout [LinkOutput]) {
        for output in outputs {
            if case .event = output { events.append(output) }
        }
        outputs.removeAll(keepingCapacity: true)
    }
}
