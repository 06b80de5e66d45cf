import LipTwitchProtocol

/// Something that happened to a link, with its reason: every transition of
/// `LinkStateMachine` reports one, for the console now and the journal later.
public enum LinkEvent: Sendable, Equatable {
    /// Opening the port: the first attempt after the sensor appeared (retries of the same
    /// failure are not reported again).
    case opening(SensorLocation)
    /// The port could not be opened; the link tries again after `retryIn`.
    case openFailed(OpenFailure, retryIn: Duration)
    /// The port is open; the handshake begins.
    case opened(path: String)
    /// The sensor said who it is.
    case identified(DeviceIdentity)
    /// SET_RATE was acknowledged; the handshake goes on with the new rate.
    case rateChanged(from: UInt16, to: UInt16)
    /// Nothing answered at one line rate; the handshake starts again at the next.
    case lineRateChanged(from: Int, to: Int)
    /// Samples are flowing.
    case streaming(DeviceIdentity)
    /// No frame came for `silence`; the link shakes hands again.
    case stalled(silence: Duration)
    /// The sensor's frame counter went backwards: it restarted; the link shakes hands again.
    case deviceRestarted
    /// The handshake was given up; the port is closed and the link retries after `retryIn`.
    case handshakeFailed(HandshakeFailure, retryIn: Duration)
    /// The sensor went away from the open port; the link retries after `retryIn`.
    case disconnected(DisconnectReason, retryIn: Duration)
    /// Discovery reported the sensor removed: the link waits for it to appear again.
    case removed(path: String)
    /// The sensor cannot be used; the link waits until it is plugged in again.
    case incompatible(Incompatibility)
    /// Telling the sensor to stop.
    case stopping
    case stopped(StopOutcome)

    /// The phase the link is in after this event.
    public var phase: LinkPhase {
        switch self {
        case .opening: .opening
        case .openFailed, .handshakeFailed, .disconnected: .gone
        case .opened, .identified, .rateChanged, .lineRateChanged, .deviceRestarted: .handshaking
        case .streaming: .streaming
        case .stalled: .stalled
        case .removed: .absent
        case .incompatible: .incompatible
        case .stopping: .stopping
        case .stopped: .stopped
        }
    }

    /// The event's name in machine-readable output: `open_failed`, `streaming`, ...
    public var name: String {
        switch self {
        case .opening: "opening"
        case .openFailed: "open_failed"
        case .opened: "opened"
        case .identified: "identified"
        case .rateChanged: "rate_changed"
        case .lineRateChanged: "line_rate_changed"
        case .streaming: "streaming"
        case .stalled: "stalled"
        case .deviceRestarted: "device_restarted"
        case .handshakeFailed: "handshake_failed"
        case .disconnected: "disconnected"
        case .removed: "removed"
        case .incompatible: "incompatible"
        case .stopping: "stopping"
        case .stopped: "stopped"
        }
    }

    /// One sentence for people.
    public var sentence: String {
        switch self {
        case .opening(let location):
            "opening \(location.byIdPath.map { "\($0) (\(location.devicePath))" } ?? location.devicePath)"
        case .openFailed(let failure, let retryIn):
            "\(failure.message) (retrying in \(Self.format(retryIn)))"
        case .opened(let path):
            "opened \(path); shaking hands"
        case .identified(let identity):
            "sensor \(identity.serialNumber): \(identity.sensorKind.label), \(identity.channelCount) "
                + "channel\(identity.channelCount == 1 ? "" : "s") at \(identity.sampleRateHz) Hz, "
                + "firmware \(identity.firmware), protocol \(identity.protocolMajor).\(identity.protocolMinor)"
        case .rateChanged(let from, let to):
            "sample rate changed from \(from) Hz to \(to) Hz"
        case .lineRateChanged(let from, let to):
            "no answer at \(from) baud; trying \(to) baud"
        case .streaming(let identity):
            "streaming \(identity.channelCount) × \(identity.sampleRateHz) Hz from \(identity.serialNumber)"
        case .stalled(let silence):
            "no frame for \(Self.format(silence)): the link stalled; shaking hands again"
        case .deviceRestarted:
            "the sensor restarted (its frame counter went back); shaking hands again"
        case .handshakeFailed(let failure, let retryIn):
            "\(failure); retrying in \(Self.format(retryIn))"
        case .disconnected(let reason, let retryIn):
            "the sensor is gone (\(reason)); retrying in \(Self.format(retryIn))"
        case .removed(let path):
            "\(path) was unplugged; waiting for the sensor to come back"
        case .incompatible(let incompatibility):
            "\(incompatibility)"
        case .stopping:
            "telling the sensor to stop"
        case .stopped(.acknowledged):
            "stopped; the sensor confirmed it stopped streaming"
        case .stopped(.unacknowledged):
            "stopped; the sensor did not confirm STOP (it stops by itself 5 s after the last heartbeat)"
        case .stopped(.unconfirmable):
            "stopped; the board was told to stop (it never confirms)"
        case .stopped(.noDevice):
            "stopped"
        }
    }

    /// A duration as people read it: `250 ms`, `1.5 s`.
    static func format(_ duration: Duration) -> String {
        let milliseconds = duration.nanoseconds / 1_000_000
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        let tenths = (milliseconds + 50) / 100
        return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
    }
}
