import LipTwitchProtocol

/// What a `LinkStateMachine` asks the runtime to do, in order. The runtime performs each
/// and reports results (an open that worked or failed) back as inputs.
public enum LinkAction: Sendable, Equatable {
    /// Open the serial port at `path` at `lineRate` baud, then report `openSucceeded` or
    /// `openFailed`.
    case open(path: String, lineRate: Int)
    /// Change the open port's line rate to this many baud (the sensor did not answer at
    /// the last one). A failure is a hang-up.
    case setLineRate(Int)
    /// Write these bytes as they are (the lone delimiter that ends a partial frame).
    case write([UInt8])
    /// Encode `command` in a frame numbered `sequence` and write it.
    case send(HostCommand, sequence: UInt16)
    /// Discard what the sensor sent before now: the port's input queue (`tcflush`), and
    /// the rest of the read being taken is stale to the link.
    case flushInput
    /// Close the port.
    case close
    /// Report `timerFired` at this moment; replaces any timer asked for before.
    case scheduleTimer(at: HostTime)
    case cancelTimer
    /// Tell the link's consumer.
    case report(LinkEvent)
    /// Hand this message (samples, status, marker) of the running stream to the consumer.
    case deliver(DeviceMessage)
}
