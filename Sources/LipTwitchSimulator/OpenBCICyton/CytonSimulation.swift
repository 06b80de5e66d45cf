import LipTwitchProtocol
import LipTwitchSignals

/// What a simulated OpenBCI Cyton streams and how it misbehaves. The defaults: firmware
/// v3.1.2, no Daisy, the lip's EMG on channel 1 (the `demo` scenario), a perfect radio link.
public struct CytonSimulation: Sendable {
    /// Seeds the signal: stream `n` (the `n`th `b`) is the scenario's recording with seed
    /// `seed + n - 1`.
    public var seed: UInt64 = 1
    /// An EMG scenario of the generator, made at 1 kHz and brought to the board's 250 Hz.
    public var scenario: Scenario = .demo
    /// The channel (1 to 8) the lip's electrodes are on; the others read 0.
    public var lipChannel = 1
    /// Where on the lip those electrodes sit (for the ground truth).
    public var placement: Placement = .upperLeft
    /// What the reset banner says after "Firmware:".
    public var firmware = "v3.1.2"
    public var faults = CytonFaults()

    public init() {}
}

/// The ways a simulated Cyton, its radio link and its dongle go wrong, all off by default.
/// Times are seconds of streaming since the last `b`.
public struct CytonFaults: Sendable {
    /// One byte of every `n`th packet never arrives (the radio lost it).
    public var lostByteEveryPackets: Int?
    /// Every `n`th packet ends in a byte that is not a footer.
    public var wrongFooterEveryPackets: Int?
    /// The stream goes silent this long, at this moment, and goes on (the samples in
    /// between are lost: the sample number jumps).
    public var stall: (at: Double, seconds: Double)?
    /// The board resets itself at this moment: it prints its banner and stops streaming.
    public var resetAt: Double?
    /// The board is off (or on another radio channel): the dongle answers every command
    /// with "Failure: Communications timeout - Device failed to poll Host$$$".
    public var boardOff = false
    /// The dongle is pulled out at this moment (`VirtualSensor` cuts its port).
    public var unplugAt: Double?

    public init() {}
}
