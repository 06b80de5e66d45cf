import LipTwitchProtocol
import LipTwitchSimulator
import LipTwitchSystem

/// Writes the raw bytes a simulated sensor sends during a session of a given length, as
/// a serial capture would hold them: the input `liptwitch decode` reads.
///
/// The session is a scripted host's: IDENTIFY and START at power-on, then a PING every
/// second (so the sensor's heartbeat never runs out). The capture holds the sensor's side
/// only: the power-on delimiter, IDENTITY, the ACK of START, sample batches, STATUS,
/// MARKER and PONG.
public struct SimulatedDump {
    public var configuration: SimulatorConfiguration
    public var durationSeconds: Double

    public init(configuration: SimulatorConfiguration, durationSeconds: Double) {
        self.configuration = configuration
        self.durationSeconds = durationSeconds
    }

    /// Writes the session to `output` (and its twitches to `groundTruth`); returns how many
    /// bytes it took.
    @discardableResult
    public func run(output: BufferedOutput, groundTruth: GroundTruthLog? = nil) throws -> Int {
        var sensor = SimulatedSensor(configuration: configuration)
        var host = FrameEncoder()
        var commands: [UInt8] = []
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        sensor.powerOn(output: &bytes)
        host.encode(HostCommand.identify(hostMaxVersion: ProtocolConstants.version), into: &commands)
        host.encode(HostCommand.start, into: &commands)
        sensor.receive(commands[...], output: &bytes)
        let end = sensor.clockMicros + UInt64(durationSeconds * 1_000_000)
        var nextPing = sensor.clockMicros + 1_000_000
        var total = 0
        while let due = sensor.nextEventMicros, due <= end, !output.isClosed {
            sensor.advance(to: due, output: &bytes)
            if due >= nextPing {
                commands.removeAll(keepingCapacity: true)
                host.encode(HostCommand.ping(nonce: UInt32(truncatingIfNeeded: nextPing / 1_000_000)), into: &commands)
                sensor.receive(commands[...], output: &bytes)
                nextPing += 1_000_000
            }
            try output.write(bytes: bytes)
            try groundTruth?.write(sensor.takeGroundTruth())
            total += bytes.count
            bytes.removeAll(keepingCapacity: true)
        }
        try output.flush()
        return total
    }
}
