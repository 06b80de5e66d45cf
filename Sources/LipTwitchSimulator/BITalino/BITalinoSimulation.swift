import LipTwitchProtocol
import LipTwitchSignals

/// What a simulated BITalino (r)evolution streams and how it misbehaves. The defaults:
/// firmware "BITalino_v5.1", the lip's EMG sensor on A1 (the `demo` scenario), a perfect
/// link.
public struct BITalinoSimulation: Sendable {
    /// Seeds the signal: stream `n` (the `n`th start) is the scenario's recording with seed
    /// `seed + n - 1`.
    public var seed: UInt64 = 1
    /// An EMG scenario of the generator, made at 1 kHz and averaged to the board's rate.
    public var scenario: Scenario = .demo
    /// The analog input (1 to 6: A1 to A6) the lip's EMG sensor is on; the other inputs
    /// read half scale (512).
    public var lipChannel = 1
    /// Where on the lip its electrodes sit (for the ground truth).
    public var placement: Placement = .upperLeft
    /// What the version command answers, before its line end.
    public var version = "BITalino_v5.1"
    public var faults = BITalinoFaults()

    public init() {}
}

/// The ways a simulated BITalino and its link go wrong, all off by default. Times are
/// seconds of streaming since the last start.
public struct BITalinoFaults: Sendable {
    /// One byte of every `n`th frame never arrives.
    public var lostByteEveryFrames: Int?
    /// Every `n`th frame arrives with a bit flipped, so that its CRC fails.
    public var badCRCEveryFrames: Int?
    /// The stream goes silent this long, at this moment, and goes on (the board's sequence
    /// number counts on, as when its send buffer is full).
    public var stall: (at: Double, seconds: Double)?
    /// The board resets at this moment (a brown-out): it goes back to idle mode at
    /// 1000 Hz and says nothing.
    public var resetAt: Double?
    /// The board is unplugged (the Bluetooth link drops) at this moment (`VirtualSensor`
    /// cuts its port).
    public var unplugAt: Double?

    public init() {}
}
