/// The firmware side of a simulated board, as `VirtualSensor` serves it on a
/// pseudo-terminal in real time: its clock runs when the server advances it, it answers
/// what the host writes, and it says when it next has something to send. `SimulatedSensor`
/// (LipTwitch's own protocol) and `SimulatedCyton` (an OpenBCI Cyton) are the two.
public protocol SimulatedDevice: Sendable {
    /// The device clock at power-on, µs.
    var clockStartMicros: UInt64 { get }
    /// When the device next sends or changes something on its own, device µs (nil: only
    /// when the host writes).
    var nextEventMicros: UInt64? { get }
    var isStreaming: Bool { get }
    /// True while a stall fault keeps it silent.
    var isStalled: Bool { get }
    /// True once a configured unplug is due (until `unplugged()`).
    var isUnplugDue: Bool { get }

    /// It is plugged in: what it sends first.
    mutating func powerOn(output: inout [UInt8])
    /// Runs its clock to `micros`, sending what comes due.
    mutating func advance(to micros: UInt64, output: inout [UInt8])
    /// Takes what the host wrote.
    mutating func receive(_ bytes: ArraySlice<UInt8>, output: inout [UInt8])
    /// The server performed the configured unplug.
    mutating func unplugged()
    /// What happened in its signal since the last call, in device time.
    mutating func takeGroundTruth() -> [GroundTruthEvent]
}
